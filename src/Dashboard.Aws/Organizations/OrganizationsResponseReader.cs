using System.Text.Json;
using Dashboard.Core.Organizations;

namespace Dashboard.Aws.Organizations;

/// <summary>
/// Reads Organizations JSON 1.1 response bodies into the shapes above. A body that is not JSON, or lacks a
/// member the operation promises, becomes an <see cref="AwsResponseFormatException"/> naming the member.
/// Timestamps are epoch seconds (JSON numbers) on this protocol.
/// </summary>
internal sealed class OrganizationsResponseReader(string operation)
{
    private const string Service = "Organizations";

    public static T Parse<T>(string operation, byte[] body, Func<OrganizationsResponseReader, JsonElement, T> read)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new AwsResponseFormatException(Service, operation, $"the body is not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var reader = new OrganizationsResponseReader(operation);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw reader.Problem($"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
            return read(reader, root);
        }
    }

    public OrganizationsPage<T> Page<T>(JsonElement root, string member, int retries, Func<JsonElement, string, T> item)
    {
        var items = new List<T>();
        foreach (var (element, path) in Array(root, member)) items.Add(item(element, path));
        var token = OptionalString(root, "NextToken", "$");
        return new OrganizationsPage<T>(items, string.IsNullOrEmpty(token) ? null : token, retries);
    }

    public OrganizationDetails Organization(JsonElement root)
    {
        var organization = Object(root, "Organization", "$");
        const string path = "$.Organization";
        return new OrganizationDetails(
            RequiredString(organization, "Id", path),
            RequiredString(organization, "MasterAccountId", path),
            OptionalString(organization, "MasterAccountEmail", path),
            OptionalString(organization, "FeatureSet", path) ?? OrganizationDetails.AllFeatures)
        {
            Arn = OptionalString(organization, "Arn", path),
        };
    }

    public RootSummary Root(JsonElement element, string path)
    {
        var enabled = new List<string>();
        if (element.TryGetProperty("PolicyTypes", out _))
        {
            foreach (var (type, typePath) in Array(element, "PolicyTypes", path))
            {
                if (OptionalString(type, "Status", typePath) == "ENABLED") enabled.Add(RequiredString(type, "Type", typePath));
            }
        }

        return new RootSummary(RequiredString(element, "Id", path), OptionalString(element, "Arn", path), OptionalString(element, "Name", path) ?? "Root", enabled);
    }

    public OrganizationalUnitSummary Unit(JsonElement element, string path) =>
        new(RequiredString(element, "Id", path), OptionalString(element, "Arn", path), OptionalString(element, "Name", path) ?? RequiredString(element, "Id", path));

    public AccountSummary Account(JsonElement element, string path)
    {
        var id = RequiredString(element, "Id", path);
        // State replaced Status (which lacks CLOSED and PENDING_ACTIVATION); read State first.
        var status = OptionalString(element, "State", path) ?? OptionalString(element, "Status", path)
            ?? throw Problem($"{path} (account {id}) has neither State nor Status");
        return new AccountSummary(
            id,
            OptionalString(element, "Arn", path),
            OptionalString(element, "Name", path) ?? id,
            OptionalString(element, "Email", path) ?? string.Empty,
            status,
            OptionalString(element, "JoinedMethod", path),
            Timestamp(element, "JoinedTimestamp", path));
    }

    public PolicySummary Policy(JsonElement element, string path) => new(
        RequiredString(element, "Id", path),
        OptionalString(element, "Arn", path),
        RequiredString(element, "Name", path),
        OptionalString(element, "Description", path),
        RequiredString(element, "Type", path),
        element.TryGetProperty("AwsManaged", out var managed) && managed.ValueKind == JsonValueKind.True);

    public PolicyDetail PolicyDetail(JsonElement root)
    {
        var policy = Object(root, "Policy", "$");
        var summary = Policy(Object(policy, "PolicySummary", "$.Policy"), "$.Policy.PolicySummary");
        return new PolicyDetail(summary, RequiredString(policy, "Content", "$.Policy"));
    }

    public AwsResponseFormatException Problem(string problem) => new(Service, operation, problem);

    private IEnumerable<(JsonElement Element, string Path)> Array(JsonElement parent, string member, string path = "$")
    {
        if (!parent.TryGetProperty(member, out var array) || array.ValueKind != JsonValueKind.Array)
            throw Problem($"{path}.{member} is missing or not an array");
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}.{member}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object) throw Problem($"{itemPath} is not an object");
            yield return (item, itemPath);
        }
    }

    private JsonElement Object(JsonElement parent, string member, string path) =>
        parent.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw Problem($"{path}.{member} is missing or not an object");

    private string RequiredString(JsonElement element, string member, string path) =>
        OptionalString(element, member, path) is { Length: > 0 } value ? value : throw Problem($"{path}.{member} is missing or empty");

    private string? OptionalString(JsonElement element, string member, string path)
    {
        if (!element.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Problem($"{path}.{member} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not a string");
    }

    private DateTimeOffset? Timestamp(JsonElement element, string member, string path)
    {
        if (!element.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds is >= 0 and < 253_402_300_800)
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        throw Problem($"{path}.{member} is {value.GetRawText()}, not epoch seconds");
    }
}
