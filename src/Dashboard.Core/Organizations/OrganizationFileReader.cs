using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Organizations;

/// <summary>
/// Reads the offline organization file (ORG-FILE-FORMAT.md beside this class) into an
/// <see cref="OrganizationSnapshot"/>. Structural problems (missing or malformed ids, unknown members,
/// policies attached but not defined) are all collected and thrown together as
/// <see cref="InvalidOrganizationException"/>, each with its JSON path. A policy whose content is not a
/// valid policy document is NOT a file error: it loads, and <see cref="OrganizationSnapshot.PolicyProblems"/>
/// reports it, so one bad SCP never hides the rest of the organization.
/// </summary>
public static class OrganizationFileReader
{
    public const int FormatVersion = 1;

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private static readonly string[] TopMembers = ["formatVersion", "organization", "root", "policies"];
    private static readonly string[] OrganizationMembers = ["id", "arn", "featureSet", "managementAccountId", "managementAccountEmail"];
    private static readonly string[] RootMembers = ["id", "arn", "name", "policyTypes", "policies", "accounts", "organizationalUnits"];
    private static readonly string[] UnitMembers = ["id", "arn", "name", "policies", "accounts", "organizationalUnits"];
    private static readonly string[] AccountMembers = ["id", "arn", "name", "email", "status", "joinedMethod", "joinedTimestamp", "policies"];
    private static readonly string[] PolicyMembers = ["id", "arn", "name", "type", "awsManaged", "description", "content"];
    private static readonly HashSet<string> FeatureSets = new(StringComparer.Ordinal) { "ALL", "CONSOLIDATED_BILLING" };
    private static readonly HashSet<string> AccountStatuses = new(StringComparer.Ordinal) { "ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED", "PENDING_ACTIVATION" };
    private static readonly HashSet<string> JoinedMethods = new(StringComparer.Ordinal) { "INVITED", "CREATED" };

    /// <summary>Reads a file from disk; <paramref name="path"/> names it in every error.</summary>
    public static OrganizationSnapshot ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new InvalidOrganizationException(path, [$"the file {path} does not exist."]);
        return Read(File.ReadAllText(path), path);
    }

    /// <summary>Reads the JSON text of an organization file; <paramref name="source"/> names it in errors.</summary>
    public static OrganizationSnapshot Read(string json, string source = "organization file")
    {
        if (string.IsNullOrWhiteSpace(json)) throw new InvalidOrganizationException(source, ["the file is empty."]);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidOrganizationException(source, [$"not valid JSON at {JsonErrorText.Describe(ex, json)}"]);
        }

        using (document)
        {
            var reader = new Reader();
            var snapshotParts = reader.ReadTop(document.RootElement);
            if (reader.Problems.Count > 0 || snapshotParts is null) throw new InvalidOrganizationException(source, reader.Problems);
            var (organization, root, units, accounts, policies, attachments) = snapshotParts.Value;
            return OrganizationSnapshot.Create(organization, root, units, accounts, policies, attachments, source);
        }
    }

    private sealed class Reader
    {
        private readonly List<OrganizationalUnit> _units = [];
        private readonly List<OrganizationAccount> _accounts = [];
        private readonly Dictionary<string, IReadOnlyList<string>> _attachments = new(StringComparer.Ordinal);

        public List<string> Problems { get; } = [];

        public (OrganizationDetails, OrganizationRoot, List<OrganizationalUnit>, List<OrganizationAccount>, List<OrganizationPolicy>, Dictionary<string, IReadOnlyList<string>>)? ReadTop(JsonElement top)
        {
            if (!IsObject(top, "$")) return null;
            CheckMembers(top, "$", TopMembers);
            if (top.TryGetProperty("formatVersion", out var version) && !(version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var v) && v == FormatVersion))
                Problems.Add($"$.formatVersion: this reader understands version {FormatVersion}, the file says {version.GetRawText()}.");

            var organization = ReadOrganization(top);
            var policies = ReadPolicies(top);
            OrganizationRoot? root = null;
            if (Required(top, "root", "$") is { } rootElement && IsObject(rootElement, "$.root")) root = ReadRoot(rootElement, organization);
            if (organization is null || root is null) return null;
            return (organization, root, _units, _accounts, policies, _attachments);
        }

        private OrganizationDetails? ReadOrganization(JsonElement top)
        {
            if (Required(top, "organization", "$") is not { } element || !IsObject(element, "$.organization")) return null;
            const string path = "$.organization";
            CheckMembers(element, path, OrganizationMembers);
            var id = Id(element, path, OrganizationIds.Organization(), "an organization id (o- and 10 to 32 lowercase letters or digits)");
            var management = Id(element, path, OrganizationIds.Account(), "a 12-digit account id", "managementAccountId");
            var featureSet = OptionalString(element, "featureSet", path) ?? OrganizationDetails.AllFeatures;
            if (!FeatureSets.Contains(featureSet)) Problems.Add($"{path}.featureSet: '{featureSet}' is not ALL or CONSOLIDATED_BILLING.");
            if (id is null || management is null) return null;
            return new OrganizationDetails(id, management, OptionalString(element, "managementAccountEmail", path), featureSet)
            {
                Arn = OptionalString(element, "arn", path),
            };
        }

        private OrganizationRoot? ReadRoot(JsonElement element, OrganizationDetails? organization)
        {
            const string path = "$.root";
            CheckMembers(element, path, RootMembers);
            var id = Id(element, path, OrganizationIds.Root(), "a root id (r- and 4 to 32 lowercase letters or digits)");
            var name = OptionalString(element, "name", path) ?? "Root";
            List<string> enabled;
            if (element.TryGetProperty("policyTypes", out _))
            {
                enabled = StringList(element, "policyTypes", path);
                foreach (var type in enabled.Where(t => !OrganizationPolicyTypes.Known.Contains(t)))
                    Problems.Add($"{path}.policyTypes: '{type}' is not an Organizations policy type (e.g. SERVICE_CONTROL_POLICY).");
            }
            else
            {
                // Without a list, SCPs are enabled exactly when the organization has all features, as in a new organization.
                enabled = organization?.FeatureSet == OrganizationDetails.AllFeatures ? [OrganizationPolicyTypes.ServiceControlPolicy] : [];
            }

            if (id is null) return null;
            ReadChildren(element, path, id);
            return new OrganizationRoot(id, name) { Arn = OptionalString(element, "arn", path), EnabledPolicyTypes = enabled };
        }

        private void ReadChildren(JsonElement element, string path, string id)
        {
            _attachments[id] = StringList(element, "policies", path);
            foreach (var (account, index) in Items(element, "accounts", path))
                ReadAccount(account, $"{path}.accounts[{index}]", id);
            foreach (var (unit, index) in Items(element, "organizationalUnits", path))
                ReadUnit(unit, $"{path}.organizationalUnits[{index}]", id);
        }

        private void ReadUnit(JsonElement element, string path, string parentId)
        {
            if (!IsObject(element, path)) return;
            CheckMembers(element, path, UnitMembers);
            var id = Id(element, path, OrganizationIds.OrganizationalUnit(), "an OU id (ou-<root part>-<8 to 32 lowercase letters or digits>)");
            var name = RequiredString(element, "name", path);
            if (id is null) return;
            _units.Add(new OrganizationalUnit(id, name ?? id, parentId) { Arn = OptionalString(element, "arn", path) });
            ReadChildren(element, path, id);
        }

        private void ReadAccount(JsonElement element, string path, string parentId)
        {
            if (!IsObject(element, path)) return;
            CheckMembers(element, path, AccountMembers);
            var id = Id(element, path, OrganizationIds.Account(), "a 12-digit account id");
            var name = RequiredString(element, "name", path);
            var email = RequiredString(element, "email", path);
            var status = OptionalString(element, "status", path) ?? OrganizationAccount.ActiveStatus;
            if (!AccountStatuses.Contains(status)) Problems.Add($"{path}.status: '{status}' is not one of {string.Join(", ", AccountStatuses)}.");
            var joinedMethod = OptionalString(element, "joinedMethod", path);
            if (joinedMethod is not null && !JoinedMethods.Contains(joinedMethod)) Problems.Add($"{path}.joinedMethod: '{joinedMethod}' is not INVITED or CREATED.");
            var joined = Timestamp(element, "joinedTimestamp", path);
            if (id is null) return;
            _accounts.Add(new OrganizationAccount(id, name ?? id, email ?? string.Empty, status, parentId)
            {
                Arn = OptionalString(element, "arn", path),
                JoinedMethod = joinedMethod,
                JoinedAt = joined,
            });
            _attachments[id] = StringList(element, "policies", path);
        }

        private List<OrganizationPolicy> ReadPolicies(JsonElement top)
        {
            var policies = new List<OrganizationPolicy>();
            foreach (var (element, index) in Items(top, "policies", "$"))
            {
                var path = $"$.policies[{index}]";
                if (!IsObject(element, path)) continue;
                CheckMembers(element, path, PolicyMembers);
                var id = Id(element, path, OrganizationIds.Policy(), "a policy id (p- and 8 to 128 letters, digits or _)");
                var name = RequiredString(element, "name", path);
                var type = OptionalString(element, "type", path) ?? OrganizationPolicyTypes.ServiceControlPolicy;
                if (!OrganizationPolicyTypes.Known.Contains(type)) Problems.Add($"{path}.type: '{type}' is not an Organizations policy type (e.g. SERVICE_CONTROL_POLICY).");
                var awsManaged = false;
                if (element.TryGetProperty("awsManaged", out var managed))
                {
                    if (managed.ValueKind is JsonValueKind.True or JsonValueKind.False) awsManaged = managed.GetBoolean();
                    else Problems.Add($"{path}.awsManaged: expected true or false, got {Kind(managed)}.");
                }

                var content = Content(element, path);
                if (id is null || name is null || content is null) continue;
                policies.Add(new OrganizationPolicy(id, name, type, awsManaged, content)
                {
                    Arn = OptionalString(element, "arn", path),
                    Description = OptionalString(element, "description", path),
                });
            }

            return policies;
        }

        private string? Content(JsonElement element, string path)
        {
            if (!element.TryGetProperty("content", out var content))
            {
                Problems.Add($"{path}: 'content' is required (the policy document, as a JSON string like DescribePolicy returns, or as a JSON object).");
                return null;
            }

            switch (content.ValueKind)
            {
                case JsonValueKind.String when !string.IsNullOrWhiteSpace(content.GetString()):
                    // As on the wire: the document is a string, kept verbatim (it may even be invalid; the policy check says so).
                    return content.GetString();
                case JsonValueKind.Object:
                    return content.GetRawText();
                default:
                    Problems.Add($"{path}.content: expected the policy document as a non-empty JSON string or an object, got {Kind(content)}.");
                    return null;
            }
        }

        private IEnumerable<(JsonElement Element, int Index)> Items(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var array)) yield break;
            if (array.ValueKind != JsonValueKind.Array)
            {
                Problems.Add($"{path}.{name}: expected an array, got {Kind(array)}.");
                yield break;
            }

            var index = 0;
            foreach (var item in array.EnumerateArray()) yield return (item, index++);
        }

        private List<string> StringList(JsonElement parent, string name, string path)
        {
            var list = new List<string>();
            foreach (var (item, index) in Items(parent, name, path))
            {
                if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())) list.Add(item.GetString()!);
                else Problems.Add($"{path}.{name}[{index}]: expected a non-empty string, got {Kind(item)}.");
            }

            return list;
        }

        private string? Id(JsonElement element, string path, Regex pattern, string expected, string name = "id")
        {
            var value = RequiredString(element, name, path);
            if (value is null) return null;
            if (pattern.IsMatch(value)) return value;
            Problems.Add($"{path}.{name}: '{value}' is not {expected}.");
            return null;
        }

        private JsonElement? Required(JsonElement element, string name, string path)
        {
            if (element.TryGetProperty(name, out var value)) return value;
            Problems.Add($"{path}: '{name}' is required.");
            return null;
        }

        private string? RequiredString(JsonElement element, string name, string path)
        {
            if (Required(element, name, path) is not { } value) return null;
            if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())) return value.GetString();
            Problems.Add($"{path}.{name}: expected a non-empty string, got {Kind(value)}.");
            return null;
        }

        private string? OptionalString(JsonElement element, string name, string path)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            Problems.Add($"{path}.{name}: expected a string, got {Kind(value)}.");
            return null;
        }

        private DateTimeOffset? Timestamp(JsonElement element, string name, string path)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            // Both the wire form (epoch seconds, as the CLI prints it) and ISO 8601 are accepted.
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds is >= 0 and < 253_402_300_800)
                return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
            if (value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                return parsed;
            Problems.Add($"{path}.{name}: {value.GetRawText()} is not a timestamp (use ISO 8601 like 2016-12-15T19:30:15Z, or epoch seconds).");
            return null;
        }

        private bool IsObject(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object) return true;
            Problems.Add($"{path}: expected an object, got {Kind(element)}.");
            return false;
        }

        private void CheckMembers(JsonElement element, string path, string[] allowed)
        {
            // Unknown members are refused: a misspelt "organisationalUnits" would otherwise drop a subtree silently.
            foreach (var property in element.EnumerateObject().Where(p => !allowed.Contains(p.Name, StringComparer.Ordinal)))
                Problems.Add($"{path}: unknown member '{property.Name}' (expected {string.Join(", ", allowed)}).");
        }

        private static string Kind(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{Shorten(element.GetString()!)}\"",
            JsonValueKind.Number => $"the number {element.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
            JsonValueKind.Null => "null",
            JsonValueKind.Array => "an array",
            _ => "an object",
        };

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
    }
}
