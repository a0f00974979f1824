using System.Globalization;

namespace Dashboard.StandIn.Data;

/// <summary>A member account of the stand-in's organization.</summary>
public sealed record StandInAccount(string Id, string Name, string Email);

/// <summary>The organization the stand-in pretends to be: the first account is the management account.</summary>
public sealed class StandInOrganization
{
    private static readonly string[] Names =
    [
        "management", "log-archive", "audit", "security-tooling", "network", "shared-services",
        "prod-payments", "prod-web", "staging-web", "dev-sandbox", "data-platform", "ml-research",
        "backup", "identity", "prod-api", "staging-api",
    ];

    private readonly Dictionary<string, int> indexById;
    private readonly List<StandInAccount> accounts;

    private StandInOrganization(string id, string rootId, List<StandInAccount> accounts)
    {
        Id = id;
        RootId = rootId;
        this.accounts = accounts;
        indexById = accounts.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>"o-" and ten lowercase letters or digits, like a real organization id.</summary>
    public string Id { get; }

    public string RootId { get; }

    public string ManagementAccountId => accounts[0].Id;

    public IReadOnlyList<StandInAccount> Accounts => accounts;

    public bool Contains(string accountId) => indexById.ContainsKey(accountId);

    internal int IndexOf(string accountId) => indexById.GetValueOrDefault(accountId, -1);

    internal static StandInOrganization Generate(int seed, int count)
    {
        var random = new StableRandom(seed, -1, salt: 7);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var accounts = new List<StandInAccount>(count);
        for (var i = 0; i < count; i++)
        {
            string id;
            do
            {
                id = (random.NextULong() % 1_000_000_000_000UL).ToString("D12", CultureInfo.InvariantCulture);
            }
            while (!ids.Add(id));

            var name = i < Names.Length ? Names[i] : $"workload-{i:D3}";
            accounts.Add(new StandInAccount(id, name, $"aws+{name}@example.com"));
        }

        return new StandInOrganization("o-" + RandomText(ref random, 10), "r-" + RandomText(ref random, 4), accounts);
    }

    /// <summary>Adds an account found in a loaded finding file, so its caller can be recognized.</summary>
    internal int AddLoaded(string accountId)
    {
        if (indexById.TryGetValue(accountId, out var existing))
        {
            return existing;
        }

        accounts.Add(new StandInAccount(accountId, "loaded-" + accountId, $"aws+{accountId}@example.com"));
        indexById[accountId] = accounts.Count - 1;
        return accounts.Count - 1;
    }

    private static string RandomText(ref StableRandom random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[(int)random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
