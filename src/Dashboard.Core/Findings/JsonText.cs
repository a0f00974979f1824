using System.Text;
using System.Text.Json;

namespace Dashboard.Core.Findings;

/// <summary>Small helpers for reporting on untrusted JSON without echoing it back unsafely.</summary>
internal static class JsonText
{
    /// <summary>"a string", "an object", … for messages such as "'Title' must be a string, found a number".</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>
    /// A short, printable excerpt of an untrusted value for an error message or warning: at most
    /// <paramref name="max"/> characters, control characters and lone surrogates shown as '?'.
    /// </summary>
    public static string Preview(string value, int max = 60)
    {
        var length = Math.Min(value.Length, max);
        var builder = new StringBuilder(length + 1);
        for (var i = 0; i < length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (i + 1 >= length)
                {
                    break;
                }

                builder.Append(c).Append(value[++i]);
            }
            else
            {
                builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
            }
        }

        if (value.Length > max)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }

    /// <summary>True when the text has a control character or a surrogate without its pair.</summary>
    public static bool HasControlOrLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Cheap pre-check on a finding's raw text (already transcoded, so its UTF-8 was valid): an
    /// unpaired surrogate can then only arrive as a <c>\uD800</c>–<c>\uDFFF</c> escape.
    /// </summary>
    public static bool MayHaveSurrogateEscape(string rawJson)
    {
        var index = rawJson.IndexOf("\\u", StringComparison.Ordinal);
        while (index >= 0 && index + 3 < rawJson.Length)
        {
            if (rawJson[index + 2] is 'd' or 'D' && rawJson[index + 3] is >= '8' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F')
            {
                return true;
            }

            index = rawJson.IndexOf("\\u", index + 2, StringComparison.Ordinal);
        }

        return false;
    }

    /// <summary>
    /// The path (e.g. <c>Resources[0].Details.Other.Name</c>) of the first string or property name
    /// that cannot be read as text (malformed UTF-8, or an escape that is half a surrogate pair), or
    /// null when all can.
    /// </summary>
    public static string? FindInvalidUnicode(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsReadable(element) ? null : path;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return Join(path, "(a property name)");
                    }

                    if (FindInvalidUnicode(property.Value, Join(path, Preview(name))) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInvalidUnicode(item, $"{path}[{index}]") is { } found)
                    {
                        return found;
                    }

                    index++;
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Reads a string value, or null when it is not a string or not valid Unicode.</summary>
    public static string? TryGetString(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsReadable(JsonElement element) => TryGetString(element) is not null;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
