using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Dashboard.StandIn.Data;

namespace Dashboard.StandIn.Iam;

/// <summary>
/// The IAM of every account the stand-in serves, built on first use (the seed dumps are parsed once per
/// process): generated from the seed for the organization's accounts, or loaded from
/// <see cref="StandInOptions.IamFiles"/>. Loaded files are read and checked at start, so a bad path or a
/// file that is not a dump stops the stand-in with a message naming the setting.
/// </summary>
internal sealed partial class IamStandInData
{
    private readonly StandInOrganization organization;
    private readonly Lazy<IamAccountBuilder> builder;
    private readonly Dictionary<string, IamDump> loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<IamAccount>> accounts = new(StringComparer.Ordinal);

    public IamStandInData(StandInDataSet data, StandInOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        organization = data.Organization;
        var seed = options.Seed;
        var anchor = data.Anchor;
        builder = new Lazy<IamAccountBuilder>(() => new IamAccountBuilder(seed, organization, anchor, IamSeedLibrary.Instance));
        foreach (var entry in options.IamFiles ?? [])
        {
            var (accountId, dump) = Load(entry);
            loaded[accountId] = dump;
            organization.AddLoaded(accountId);
        }
    }

    /// <summary>The IAM of <paramref name="accountId"/>, or null when the stand-in does not know the account.</summary>
    public IamAccount? For(string accountId)
    {
        var index = organization.IndexOf(accountId);
        if (index < 0)
        {
            return null;
        }

        return accounts.GetOrAdd(accountId, id => new Lazy<IamAccount>(() => loaded.TryGetValue(id, out var dump)
            ? builder.Value.BuildLoaded(index, id, dump)
            : builder.Value.Build(index))).Value;
    }

    private static (string AccountId, IamDump Dump) Load(string entry)
    {
        const string setting = $"{StandInOptions.SectionName}:IamFiles";
        var match = AccountPrefix().Match(entry ?? string.Empty);
        var path = match.Success ? match.Groups["path"].Value : entry ?? string.Empty;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new ArgumentException($"{setting} has '{entry}', which does not exist (use PATH or ACCOUNT=PATH).");
        }

        try
        {
            var dump = new IamDump(path, IamDumpNormalizer.Normalize(File.ReadAllText(path), path));
            return (match.Success ? match.Groups["account"].Value : dump.AccountId, dump);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{setting} has '{entry}': {ex.Message}", ex);
        }
    }

    [GeneratedRegex(@"^(?<account>\d{12})=(?<path>.+)$")]
    private static partial Regex AccountPrefix();
}
