using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dashboard.StandIn.Organizations;

/// <summary>
/// Loads an organization from the offline organization file format (src/Dashboard.Core/Organizations/
/// ORG-FILE-FORMAT.md) so the stand-in serves exactly what <c>import org FILE</c> would load. The
/// dashboard's own reader validates every detail; this one checks what serving needs (ids in the formats
/// AWS uses, known parents and policies) and names the JSON path of the first problems it finds.
/// </summary>
internal static partial class OrganizationFile
{
    private const string AwsExampleResource = "Dashboard.StandIn.Seed.org.aws-example-organization.json";
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    [GeneratedRegex("^o-[a-z0-9]{10,32}$")]
    private static partial Regex OrganizationId();

    [GeneratedRegex("^r-[0-9a-z]{4,32}$")]
    private static partial Regex RootId();

    [GeneratedRegex("^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$")]
    private static partial Regex UnitId();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex("^p-[0-9a-zA-Z_]{8,128}$")]
    private static partial Regex PolicyId();

    /// <summary>The AWS documentation's example organization (o-exampleorgid), embedded as Seed/org/aws-example-organization.json.</summary>
    public static OrganizationTree LoadAwsExample() =>
        Load(ScpSeed.Resource(typeof(OrganizationFile).Assembly, AwsExampleResource), "Seed/org/aws-example-organization.json");

    /// <summary>Throws <see cref="ArgumentException"/> naming the source and the JSON paths of the problems.</summary>
    public static OrganizationTree Load(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{source}: not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var reader = new Reader();
            var tree = reader.Read(document.RootElement);
            if (reader.Problems.Count > 0 || tree is null)
                throw new ArgumentException($"{source} is not a valid organization file: {string.Join(" ", reader.Problems.Take(10))}");
            return tree;
        }
    }

    private sealed class Reader
    {
        private readonly List<TreeUnit> units = [];
        private readonly List<TreeAccount> accounts = [];
        private readonly Dictionary<string, IReadOnlyList<string>> attachments = new(StringComparer.Ordinal);

        public List<string> Problems { get; } = [];

        public OrganizationTree? Read(JsonElement top)
        {
            if (top.ValueKind != JsonValueKind.Object || !top.TryGetProperty("organization", out var organization) || !top.TryGetProperty("root", out var root))
            {
                Problems.Add("$: expected an object with 'organization' and 'root'.");
                return null;
            }

            var id = Id(organization, "$.organization", "id", OrganizationId());
            var management = Id(organization, "$.organization", "managementAccountId", AccountId());
            var featureSet = Text(organization, "featureSet") ?? "ALL";
            var rootId = Id(root, "$.root", "id", RootId());
            var policies = ReadPolicies(top);
            var enabled = root.TryGetProperty("policyTypes", out var types) && types.ValueKind == JsonValueKind.Array
                ? types.EnumerateArray().Select(t => t.GetString() ?? string.Empty).ToList()
                : featureSet == "ALL" ? ["SERVICE_CONTROL_POLICY"] : [];
            if (rootId is not null) ReadChildren(root, "$.root", rootId);

            var policyIds = policies.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (target, ids) in attachments)
            {
                foreach (var missing in ids.Where(p => !policyIds.Contains(p))) Problems.Add($"{target} has policy {missing} attached, which is not among the policies.");
            }

            if (management is not null && !accounts.Exists(a => a.Id == management)) Problems.Add($"$.organization.managementAccountId: {management} is not among the accounts.");
            if (id is null || management is null || rootId is null || Problems.Count > 0) return null;
            return new OrganizationTree(id, featureSet, management, rootId, Text(root, "name") ?? "Root", enabled, units, accounts, policies, attachments);
        }

        private void ReadChildren(JsonElement parent, string path, string parentId)
        {
            attachments[parentId] = Strings(parent, "policies");
            foreach (var (account, index) in Items(parent, "accounts"))
            {
                var at = $"{path}.accounts[{index}]";
                var id = Id(account, at, "id", AccountId());
                if (id is null) continue;
                var joined = account.TryGetProperty("joinedTimestamp", out var stamp) ? Timestamp(stamp, at) : DateTimeOffset.UnixEpoch;
                accounts.Add(new TreeAccount(
                    id,
                    Text(account, "name") ?? id,
                    Text(account, "email") ?? $"aws+{id}@example.com",
                    Text(account, "status") ?? "ACTIVE",
                    Text(account, "joinedMethod") ?? "CREATED",
                    joined,
                    parentId));
                attachments[id] = Strings(account, "policies");
            }

            foreach (var (unit, index) in Items(parent, "organizationalUnits"))
            {
                var at = $"{path}.organizationalUnits[{index}]";
                var id = Id(unit, at, "id", UnitId());
                if (id is null) continue;
                units.Add(new TreeUnit(id, Text(unit, "name") ?? id, parentId));
                ReadChildren(unit, at, id);
            }
        }

        private List<TreePolicy> ReadPolicies(JsonElement top)
        {
            var policies = new List<TreePolicy>();
            foreach (var (policy, index) in Items(top, "policies"))
            {
                var at = $"$.policies[{index}]";
                var id = Id(policy, at, "id", PolicyId());
                string? content = policy.TryGetProperty("content", out var c)
                    ? c.ValueKind switch
                    {
                        JsonValueKind.String => c.GetString(),
                        JsonValueKind.Object => c.GetRawText(),
                        _ => null,
                    }
                    : null;
                if (string.IsNullOrWhiteSpace(content)) Problems.Add($"{at}.content: the policy document is required (a JSON string or object).");
                if (id is null || string.IsNullOrWhiteSpace(content)) continue;
                policies.Add(new TreePolicy(
                    id,
                    Text(policy, "name") ?? id,
                    Text(policy, "description") ?? string.Empty,
                    Text(policy, "type") ?? "SERVICE_CONTROL_POLICY",
                    policy.TryGetProperty("awsManaged", out var managed) && managed.ValueKind == JsonValueKind.True,
                    content));
            }

            return policies;
        }

        private string? Id(JsonElement element, string path, string name, Regex pattern)
        {
            var value = Text(element, name);
            if (value is not null && pattern.IsMatch(value)) return value;
            Problems.Add($"{path}.{name}: '{value}' is missing or not in the format AWS uses ({pattern}).");
            return null;
        }

        private DateTimeOffset Timestamp(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds)) return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
            if (value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return parsed;
            Problems.Add($"{path}.joinedTimestamp: {value.GetRawText()} is not a timestamp.");
            return DateTimeOffset.UnixEpoch;
        }

        private static string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static List<string> Strings(JsonElement element, string name) =>
            [.. Items(element, name).Where(x => x.Element.ValueKind == JsonValueKind.String).Select(x => x.Element.GetString()!)];

        private static IEnumerable<(JsonElement Element, int Index)> Items(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
                ? array.EnumerateArray().Select((item, index) => (item, index))
                : [];
    }
}
