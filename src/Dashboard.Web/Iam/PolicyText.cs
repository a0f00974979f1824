using System.Text.Encodings.Web;
using System.Text.Json;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Web.Iam;

/// <summary>A policy document as the pages show it: pretty JSON, or the text as stored and why it cannot be read.</summary>
public sealed record PolicyDocumentView(
    string Title,
    string? Subtitle,
    string? Arn,
    string PrettyJson,
    string? ParseError,
    IReadOnlyList<string> Warnings)
{
    public bool IsReadable => ParseError is null;
}

/// <summary>Formats policy JSON for reading. Never throws: text that is not JSON comes back as it is.</summary>
public static class PolicyText
{
    // Relaxed escaping keeps '<', '&', '+' and non-ASCII readable in the <pre>; Blazor encodes on render.
    private static readonly JsonWriterOptions Writer = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions Reader = new() { MaxDepth = 128, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Indented JSON; the input unchanged when it is not JSON (the parse error is shown beside it).</summary>
    public static string Pretty(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return json ?? "";
        try
        {
            using var document = JsonDocument.Parse(json, Reader);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, Writer))
            {
                document.RootElement.WriteTo(writer);
            }

            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>An IAM policy document (inline, managed version, trust policy) with its parse result.</summary>
    public static PolicyDocumentView View(string title, string? subtitle, string? arn, IamPolicyJson? document)
    {
        if (document is null)
        {
            return new PolicyDocumentView(title, subtitle, arn, "", "the snapshot does not hold this policy's document", []);
        }

        var parsed = document.Parse();
        return new PolicyDocumentView(title, subtitle, arn, Pretty(document.Json), parsed.IsSuccess ? null : parsed.Error, parsed.Warnings);
    }
}
