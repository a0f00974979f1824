using System.Text.Json;

namespace Dashboard.Aws.SecurityHub;

/// <summary>
/// One GetFindings page. It owns the parsed JSON: the <see cref="Findings"/> elements are valid until the
/// page is disposed, so read (or clone) them first.
/// </summary>
public sealed class FindingsPage : IDisposable
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 256 };

    private readonly JsonDocument _document;

    private FindingsPage(JsonDocument document, IReadOnlyList<JsonElement> findings, string? nextToken, int retries)
    {
        _document = document;
        Findings = findings;
        NextToken = nextToken;
        Retries = retries;
    }

    /// <summary>The raw ASFF findings, exactly as Security Hub sent them.</summary>
    public IReadOnlyList<JsonElement> Findings { get; }

    /// <summary>Null on the last page.</summary>
    public string? NextToken { get; }

    /// <summary>How many retries the SDK needed for this page (throttling, 5xx, network).</summary>
    public int Retries { get; }

    /// <summary>
    /// Parses a GetFindings body. Not JSON, not an object, no Findings array, or a NextToken that is not a
    /// string: <see cref="AwsResponseFormatException"/>. Individual findings are not judged here.
    /// </summary>
    public static FindingsPage Parse(ReadOnlyMemory<byte> body, int retries)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Strict);
        }
        catch (JsonException ex)
        {
            throw new AwsResponseFormatException("SecurityHub", "GetFindings", $"the body is not valid JSON ({ex.Message})", ex);
        }

        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Format($"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object.");
            if (!root.TryGetProperty("Findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
                throw Format("the body lacks a Findings array.");

            string? nextToken = null;
            if (root.TryGetProperty("NextToken", out var token))
            {
                nextToken = token.ValueKind switch
                {
                    JsonValueKind.String => token.GetString(),
                    JsonValueKind.Null => null,
                    _ => throw Format($"NextToken is a JSON {token.ValueKind.ToString().ToLowerInvariant()}, not a string."),
                };
            }

            var list = new List<JsonElement>(findings.GetArrayLength());
            foreach (var finding in findings.EnumerateArray()) list.Add(finding);
            return new FindingsPage(document, list, string.IsNullOrEmpty(nextToken) ? null : nextToken, retries);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public void Dispose() => _document.Dispose();

    private static AwsResponseFormatException Format(string problem) => new("SecurityHub", "GetFindings", problem);
}
