using System.Buffers;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dashboard.Core.Findings;

/// <summary>The envelope an ASFF document arrived in.</summary>
public enum AsffDocumentShape
{
    /// <summary>Not readable as findings; see <see cref="AsffDocument.Error"/>.</summary>
    Unrecognized,
    /// <summary>One finding object.</summary>
    SingleFinding,
    /// <summary>A bare JSON array of findings, as Prowler writes its ASFF output.</summary>
    FindingArray,
    /// <summary><c>{"Findings":[...]}</c>: a GetFindings response or a BatchImportFindings request.</summary>
    FindingsObject,
    /// <summary>An EventBridge "Security Hub Findings" event, <c>{"detail":{"findings":[...]}}</c>.</summary>
    EventBridgeEvent,
    /// <summary>A recorded API response, <c>{"status_code":200,"data":{"Findings":[...]}}</c> (cloud-custodian's placebo recordings).</summary>
    RecordedResponse,
}

/// <summary>
/// The findings of one JSON document, or why there are none. Owns the parsed JSON: the
/// <see cref="Findings"/> elements are valid only until it is disposed.
/// </summary>
public sealed class AsffDocument : IDisposable
{
    private readonly JsonDocument? _document;

    internal AsffDocument(JsonDocument? document, AsffDocumentShape shape, IReadOnlyList<JsonElement> findings, string? error)
    {
        _document = document;
        Shape = shape;
        Findings = findings;
        Error = error;
    }

    public AsffDocumentShape Shape { get; }

    /// <summary>Each finding as it appears in the document, not yet validated (see <see cref="AsffFindingParser"/>).</summary>
    public IReadOnlyList<JsonElement> Findings { get; }

    /// <summary>Why the document as a whole could not be read, e.g. <c>invalid JSON at line 12, byte 41: …</c>.</summary>
    public string? Error { get; }

    public bool IsSuccess => Error is null;

    public void Dispose() => _document?.Dispose();
}

/// <summary>
/// Finds the ASFF findings in a JSON document, whichever envelope it uses: a GetFindings response
/// (<c>{"Findings":[...]}</c>), a bare array, one finding object, an EventBridge event, or a recorded
/// response wrapping one of these. Never throws on bad input.
/// </summary>
public static partial class AsffDocumentReader
{
    // ASFF nests Resources[].Details a few levels deep; 128 leaves room while bounding hostile input.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128 };

    // Any of these at the top level makes an object a (possibly incomplete) finding rather than an envelope.
    private static readonly string[] FindingMarkers = ["SchemaVersion", "Id", "ProductArn", "GeneratorId", "AwsAccountId"];

    public static AsffDocument Read(ReadOnlyMemory<byte> utf8Json)
    {
        // JsonDocument refuses a UTF-8 byte order mark on memory input; files saved by editors have one.
        if (utf8Json.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            utf8Json = utf8Json[Encoding.UTF8.Preamble.Length..];
        }

        if (utf8Json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Failed(null, "the document is empty");
        }

        // System.Text.Json validates UTF-8 inside strings only when it reads them, so a page with a
        // malformed byte would parse and then fail finding by finding; refuse it whole, like bad JSON.
        if (!Utf8.IsValid(utf8Json.Span))
        {
            return Failed(null, InvalidUtf8(utf8Json.Span));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, Options);
        }
        catch (JsonException ex)
        {
            return Failed(null, InvalidJson(ex));
        }

        try
        {
            return Locate(document);
        }
        catch (InvalidOperationException ex)
        {
            return Failed(document, $"the document could not be read ({ex.Message})");
        }
    }

    public static AsffDocument Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads the whole stream (the caller owns and disposes it).</summary>
    public static AsffDocument Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static AsffDocument Locate(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return Found(document, AsffDocumentShape.FindingArray, root);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Failed(document, $"not an ASFF document: expected an object or an array, found {JsonText.Describe(root.ValueKind)}");
        }

        if (root.TryGetProperty("status_code", out _) && root.TryGetProperty("data", out var data))
        {
            if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("Findings", out var recorded))
            {
                return Found(document, AsffDocumentShape.RecordedResponse, recorded, "data.Findings");
            }

            return Failed(document, $"the recorded response holds no findings ('data' has {KeysOf(data)})");
        }

        if (root.TryGetProperty("Findings", out var findings))
        {
            return Found(document, AsffDocumentShape.FindingsObject, findings, "Findings");
        }

        if (root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Object
            && detail.TryGetProperty("findings", out var eventFindings))
        {
            return Found(document, AsffDocumentShape.EventBridgeEvent, eventFindings, "detail.findings");
        }

        foreach (var marker in FindingMarkers)
        {
            if (root.TryGetProperty(marker, out _))
            {
                return new AsffDocument(document, AsffDocumentShape.SingleFinding, [root], null);
            }
        }

        return Failed(document,
            "not an ASFF document: expected a finding, an array of findings, {\"Findings\":[...]}, an EventBridge event "
            + $"or a recorded response, found an object with {KeysOf(root)}");
    }

    private static AsffDocument Found(JsonDocument document, AsffDocumentShape shape, JsonElement array, string path = "")
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return Failed(document, $"'{path}' must be an array of findings, found {JsonText.Describe(array.ValueKind)}");
        }

        var items = new List<JsonElement>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            items.Add(item);
        }

        return new AsffDocument(document, shape, items, null);
    }

    private static AsffDocument Failed(JsonDocument? document, string error)
    {
        // The elements of a failed document are never handed out, so its memory can go now.
        document?.Dispose();
        return new AsffDocument(null, AsffDocumentShape.Unrecognized, [], error);
    }

    private static string KeysOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return JsonText.Describe(element.ValueKind);
        }

        var names = new List<string>();
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (count++ < 6)
            {
                names.Add($"'{JsonText.Preview(SafeName(property), 40)}'");
            }
        }

        if (count == 0)
        {
            return "no keys";
        }

        var more = count > names.Count ? $" and {count - names.Count} more" : "";
        return $"keys {string.Join(", ", names)}{more}";
    }

    private static string SafeName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private static string InvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var valid = 0;
        while (valid < utf8.Length)
        {
            var status = Rune.DecodeFromUtf8(utf8[valid..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                break;
            }

            valid += consumed;
        }

        var prefix = utf8[..valid];
        var line = prefix.Count((byte)'\n') + 1;
        var lineStart = prefix.LastIndexOf((byte)'\n') + 1;
        return $"invalid UTF-8 at line {line}, byte {valid - lineStart + 1}: the document is not UTF-8 text";
    }

    /// <summary>
    /// "invalid JSON at line 12, byte 41: '{' is invalid after a property name. Expected a ':'."
    /// System.Text.Json counts lines and bytes from 0; people count from 1.
    /// </summary>
    private static string InvalidJson(JsonException ex)
    {
        var reason = PositionSuffix().Replace(ex.Message, "").Trim();
        return ex.LineNumber is { } line && ex.BytePositionInLine is { } position
            ? $"invalid JSON at line {line + 1}, byte {position + 1}: {reason}"
            : $"invalid JSON: {reason}";
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PositionSuffix();
}
