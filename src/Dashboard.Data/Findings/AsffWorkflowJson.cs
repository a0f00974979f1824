using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Data.Findings;

/// <summary>
/// Applies a workflow change to a finding's stored ASFF JSON the way Security Hub does: Workflow.Status,
/// the deprecated WorkflowState (when the finding carries it) and Note {Text, UpdatedBy, UpdatedAt}. Every
/// other member is kept as it was (numbers keep their original text).
/// </summary>
internal static class AsffWorkflowJson
{
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Security Hub keeps WorkflowState in step with Workflow.Status.</summary>
    internal static string LegacyState(string status) => status switch
    {
        "NOTIFIED" => "ASSIGNED",
        "SUPPRESSED" => "DEFERRED",
        _ => status,
    };

    /// <summary>The changed JSON, or null when the stored text is not a JSON object (it is then left as it is).</summary>
    public static string? Apply(string rawJson, string status, string note, string updatedBy, DateTimeOffset at)
    {
        JsonObject finding;
        try
        {
            if (JsonNode.Parse(rawJson, documentOptions: new JsonDocumentOptions { MaxDepth = 256 }) is not JsonObject parsed) return null;
            finding = parsed;
        }
        catch (JsonException)
        {
            return null;
        }

        if (finding["Workflow"] is JsonObject workflow) workflow["Status"] = status;
        else finding["Workflow"] = new JsonObject { ["Status"] = status };
        if (finding.ContainsKey("WorkflowState")) finding["WorkflowState"] = LegacyState(status);
        finding["Note"] = new JsonObject
        {
            ["Text"] = note,
            ["UpdatedBy"] = updatedBy,
            ["UpdatedAt"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        return finding.ToJsonString(Output);
    }
}
