using System.Text.Json;
using Dashboard.Web.Iam;

namespace Dashboard.Web.Organizations;

/// <summary>One statement of an SCP's JSON, so a drill-down can show exactly the statement that decided.</summary>
public static class ScpStatementText
{
    private static readonly JsonDocumentOptions Reader = new() { MaxDepth = 128, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// The statement at <paramref name="index"/> (0-based, as the evaluator counts: a lone Statement object is
    /// index 0) as indented JSON; null when the content is not a readable policy or has no such statement.
    /// </summary>
    public static string? Extract(string? content, int index)
    {
        if (string.IsNullOrWhiteSpace(content) || index < 0) return null;
        var text = content.TrimStart();
        try
        {
            // Organizations returns the document as written; a URL-encoded one is decoded as the parser does.
            if (text.StartsWith('%')) text = Uri.UnescapeDataString(text);
            using var document = JsonDocument.Parse(text, Reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Statement", out var statements)) return null;
            var statement = statements.ValueKind switch
            {
                JsonValueKind.Object when index == 0 => statements,
                JsonValueKind.Array when index < statements.GetArrayLength() => statements[index],
                _ => (JsonElement?)null,
            };
            return statement is { } found ? PolicyText.Pretty(found.GetRawText()) : null;
        }
        catch (Exception ex) when (ex is JsonException or UriFormatException)
        {
            return null;
        }
    }
}
