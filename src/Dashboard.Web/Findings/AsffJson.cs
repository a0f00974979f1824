using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dashboard.Web.Findings;

/// <summary>
/// Tolerant readers over an ASFF JSON element. Providers send odd shapes (a number where a string is
/// documented, an object where an array is expected, sections missing), so every reader returns
/// null or empty instead of throwing.
/// </summary>
internal static class AsffJson
{
    // Relaxed escaping keeps '<', '&' and non-ASCII readable in the <pre>; Blazor encodes on render.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonElement? Property(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    public static JsonElement? Path(JsonElement element, params string[] names)
    {
        JsonElement? current = element;
        foreach (var name in names)
        {
            if (current is not { } c) return null;
            current = Property(c, name);
        }
        return current;
    }

    /// <summary>A scalar as text (strings as is, numbers and booleans as their JSON text); null for objects, arrays, null.</summary>
    public static string? Scalar(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } e => e.GetRawText(),
        _ => null,
    };

    public static string? String(JsonElement element, params string[] path) => Scalar(Path(element, path));

    /// <summary>Any value as short display text: scalars as text, objects and arrays as compact JSON.</summary>
    public static string Display(JsonElement element) => Scalar(element) ?? element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => JsonSerializer.Serialize(element, Indented),
    };

    public static IReadOnlyList<JsonElement> Array(JsonElement? element) => element switch
    {
        { ValueKind: JsonValueKind.Array } e => [.. e.EnumerateArray()],
        // A single object where a list is documented: show it rather than drop it.
        { ValueKind: JsonValueKind.Object } e => [e],
        _ => [],
    };

    public static IReadOnlyList<string> StringArray(JsonElement? element)
        => [.. Array(element).Select(Display).Where(s => s.Length > 0)];

    /// <summary>A string map (Tags, ProductFields, UserDefinedFields) as ordered pairs; non-string values shown as JSON.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Map(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } obj) return [];
        return [.. obj.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, Display(p.Value)))];
    }

    public static string Pretty(JsonElement element) => JsonSerializer.Serialize(element, Indented);

    /// <summary>ASFF timestamps are ISO 8601 strings; shown in UTC when they parse, verbatim otherwise.</summary>
    public static string? Timestamp(JsonElement element, string name)
    {
        var text = String(element, name);
        if (text is null) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : text;
    }

    /// <summary>Only absolute http(s) URLs become links; anything else (javascript:, data:, relative) stays text.</summary>
    public static Uri? SafeLink(string? url)
        => Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
           && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;
}
