using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dashboard.Core.Iam.Policies;

/// <summary>
/// A JSON syntax error said once, counted from 1 as editors do: "line 15, column 13: '"' is invalid after a
/// value. Expected either ',', '}', or ']'." System.Text.Json counts lines and bytes from 0 and repeats
/// them at the end of its message ("LineNumber: 14 | BytePositionInLine: 12."); that tail is dropped, and
/// the byte offset becomes a character column so a policy with non-ASCII text points at the right place.
/// </summary>
internal static partial class JsonErrorText
{
    public static string Describe(JsonException exception, string? json)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = PositionTail().Replace(exception.Message, string.Empty).Trim();
        if (exception.LineNumber is not { } line) return reason;
        return $"line {line + 1}, column {Column(json, line, exception.BytePositionInLine ?? 0)}: {reason}";
    }

    private static long Column(string? json, long line, long bytePosition)
    {
        var text = json is null ? null : LineAt(json, line);
        if (text is null) return bytePosition + 1;

        var bytes = Encoding.UTF8.GetBytes(text);
        return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(bytePosition, bytes.Length)) + 1;
    }

    /// <summary>The 0-based line as System.Text.Json counts them (on '\n'), or null past the end.</summary>
    private static string? LineAt(string json, long line)
    {
        var start = 0;
        for (long i = 0; i < line; i++)
        {
            var next = json.IndexOf('\n', start);
            if (next < 0) return null;
            start = next + 1;
        }

        var end = json.IndexOf('\n', start);
        return json[start..(end < 0 ? json.Length : end)];
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PositionTail();
}
