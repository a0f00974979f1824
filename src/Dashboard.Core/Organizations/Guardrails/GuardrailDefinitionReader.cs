using System.Text.Json;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Organizations.Guardrails;

/// <summary>
/// Reads guardrail definitions from JSON, so an organization can add its own without code:
/// <code>
/// [{"id": "deny-vpc-peering", "title": "Creating VPC peering", "category": "Network",
///   "protectedWhen": "AllDenied",
///   "requests": [{"action": "ec2:CreateVpcPeeringConnection", "resource": "*", "principal": "Administrator",
///                 "context": {"aws:RequestedRegion": "{region}"}}]}]
/// </code>
/// Every problem is collected with its JSON path and thrown together as <see cref="FormatException"/>.
/// </summary>
public static class GuardrailDefinitionReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 };
    private static readonly string[] DefinitionMembers = ["id", "title", "category", "description", "protectedWhen", "requests"];
    private static readonly string[] RequestMembers = ["action", "resource", "principal", "context"];

    public static IReadOnlyList<GuardrailDefinition> Read(string json, string source = "guardrail file")
    {
        if (string.IsNullOrWhiteSpace(json)) throw new FormatException($"{source}: the file is empty.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{source}: not valid JSON at {JsonErrorText.Describe(ex, json)}", ex);
        }

        using (document)
        {
            var problems = new List<string>();
            var definitions = new List<GuardrailDefinition>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                problems.Add("$: expected an array of guardrail definitions.");
            }
            else
            {
                var index = 0;
                foreach (var element in root.EnumerateArray())
                {
                    if (ReadDefinition(element, $"$[{index}]", problems) is { } definition) definitions.Add(definition);
                    index++;
                }
            }

            foreach (var definition in definitions) problems.AddRange(definition.Validate());
            problems.AddRange(definitions.GroupBy(d => d.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"guardrail id '{g.Key}' is used {g.Count()} times."));
            if (problems.Count > 0) throw new FormatException($"{source} is not a valid guardrail file: {string.Join(" ", problems)}");
            return definitions;
        }
    }

    private static GuardrailDefinition? ReadDefinition(JsonElement element, string path, List<string> problems)
    {
        if (!IsObject(element, path, problems)) return null;
        CheckMembers(element, path, DefinitionMembers, problems);
        var protectedWhen = GuardrailProtection.AllDenied;
        if (String(element, "protectedWhen", path, problems, required: false) is { } text && !Enum.TryParse(text, ignoreCase: false, out protectedWhen))
            problems.Add($"{path}.protectedWhen: '{text}' is not {string.Join(" or ", Enum.GetNames<GuardrailProtection>())}.");

        var requests = new List<GuardrailTestRequest>();
        if (!element.TryGetProperty("requests", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{path}.requests: expected an array of test requests.");
        }
        else
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (ReadRequest(item, $"{path}.requests[{index}]", problems) is { } request) requests.Add(request);
                index++;
            }
        }

        return new GuardrailDefinition
        {
            Id = String(element, "id", path, problems) ?? string.Empty,
            Title = String(element, "title", path, problems) ?? string.Empty,
            Category = String(element, "category", path, problems) ?? string.Empty,
            Description = String(element, "description", path, problems, required: false) ?? string.Empty,
            ProtectedWhen = protectedWhen,
            Requests = requests,
        };
    }

    private static GuardrailTestRequest? ReadRequest(JsonElement element, string path, List<string> problems)
    {
        if (!IsObject(element, path, problems)) return null;
        CheckMembers(element, path, RequestMembers, problems);
        var principal = GuardrailPrincipal.Administrator;
        if (String(element, "principal", path, problems, required: false) is { } text && !Enum.TryParse(text, ignoreCase: false, out principal))
            problems.Add($"{path}.principal: '{text}' is not {string.Join(" or ", Enum.GetNames<GuardrailPrincipal>())}.");

        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("context", out var keys))
        {
            if (keys.ValueKind != JsonValueKind.Object) problems.Add($"{path}.context: expected an object of key: value strings.");
            else
            {
                foreach (var key in keys.EnumerateObject())
                {
                    if (key.Value.ValueKind == JsonValueKind.String) context[key.Name] = key.Value.GetString()!;
                    else problems.Add($"{path}.context.{key.Name}: expected a string value.");
                }
            }
        }

        return new GuardrailTestRequest
        {
            Action = String(element, "action", path, problems) ?? string.Empty,
            Resource = String(element, "resource", path, problems, required: false) ?? "*",
            Principal = principal,
            Context = context,
        };
    }

    private static string? String(JsonElement element, string name, string path, List<string> problems, bool required = true)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            if (required) problems.Add($"{path}: '{name}' is required.");
            return null;
        }

        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        problems.Add($"{path}.{name}: expected a string.");
        return null;
    }

    private static bool IsObject(JsonElement element, string path, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.Object) return true;
        problems.Add($"{path}: expected an object.");
        return false;
    }

    private static void CheckMembers(JsonElement element, string path, string[] allowed, List<string> problems)
    {
        // A misspelt member ("request") would otherwise drop a test request silently.
        foreach (var property in element.EnumerateObject().Where(p => !allowed.Contains(p.Name, StringComparer.Ordinal)))
            problems.Add($"{path}: unknown member '{property.Name}' (expected {string.Join(", ", allowed)}).");
    }
}
