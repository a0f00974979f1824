using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Iam.Evaluation;

/// <summary>Renders a decision for people (plain text) and for machines (JSON, camelCase, enums as names).</summary>
public static class EvaluationResultFormatter
{
    // Source-generated metadata, so JSON output also works where reflection-based serialization is off
    // (trimmed/AOT hosts). Relaxed escaping keeps quotes in condition texts readable on a terminal; the
    // output is a document of its own, never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        TypeInfoResolver = EvaluationResultJsonContext.Default,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = EvaluationResultJsonContext.Default,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(EvaluationResult result, bool indented = true) =>
        JsonSerializer.Serialize(result, indented ? Indented : Compact);

    public static string ToText(EvaluationResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"Decision: {result.Kind}{(result.IsUncertain ? " (uncertain)" : string.Empty)}");
        text.AppendLine($"Request: {result.Principal} -> {result.Action} on {result.Resource}");
        text.AppendLine(result.Summary);
        AppendList(text, "Explanation", result.Explanation);
        AppendList(text, "Allowed only if", result.AllowedOnlyIf.Select(r => r.ToString()));
        AppendList(text, "Denied if", result.DeniedIf.Select(d => d.ToString()));
        AppendList(text, "Uncertain", result.UncertainReasons);
        AppendList(text, "Trace", result.Trace.Select(t => $"{t.Statement.Describe()}: {t.Outcome}{(t.Detail.Length > 0 ? " - " + t.Detail : string.Empty)}"));
        return text.ToString();
    }

    private static void AppendList(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var first = true;
        foreach (var line in lines)
        {
            if (first)
            {
                text.AppendLine($"{title}:");
                first = false;
            }

            text.AppendLine($"  - {line}");
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EvaluationResult))]
internal sealed partial class EvaluationResultJsonContext : JsonSerializerContext;
