using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.StandIn.Data;

/// <summary>
/// Reads the findings out of an ASFF file: GetFindings output ({"Findings":[...]}), a bare array
/// (Prowler's json-asff output, BatchImportFindings input) or one finding object. The seed also holds
/// EventBridge events (detail.findings) and botocore test recordings ({"status_code","data":{...}}).
/// </summary>
internal static class AsffDocument
{
    public static List<JsonObject> ReadFindings(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({ex.Message})", ex);
        }

        var findings = new List<JsonObject>();
        var container = Unwrap(root);
        switch (container)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    findings.Add(array[i] as JsonObject
                        ?? throw new InvalidDataException($"{source}: finding [{i}] is {Kind(array[i])}, not an object."));
                }

                break;
            case JsonObject single:
                findings.Add(single);
                break;
            default:
                throw new InvalidDataException(
                    $"{source}: found no findings; expected {{\"Findings\":[...]}}, an array of findings or one finding object, but the document is {Kind(root)}.");
        }

        // Detach each finding so templates can be edited without touching the document.
        return findings.Select(f => (JsonObject)f.DeepClone()).ToList();
    }

    private static JsonNode? Unwrap(JsonNode? node)
    {
        return node switch
        {
            JsonObject obj when obj["Findings"] is JsonArray findings => findings,
            JsonObject obj when obj["detail"] is JsonObject { } detail && detail["findings"] is JsonArray eventFindings => eventFindings,
            JsonObject obj when obj["status_code"] is not null && obj["data"] is JsonObject data => Unwrap(data),
            JsonObject obj when obj["SchemaVersion"] is not null || obj["ProductArn"] is not null => obj,
            JsonArray array => array,
            _ => null,
        };
    }

    private static string Kind(JsonNode? node) => node is null ? "null" : node.GetValueKind() switch
    {
        JsonValueKind.Object => "an object without findings",
        JsonValueKind.Array => "an array",
        var kind => "a " + kind.ToString().ToLowerInvariant(),
    };
}
