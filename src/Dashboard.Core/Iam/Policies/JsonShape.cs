using System.Text.Json;

namespace Dashboard.Core.Iam.Policies;

/// <summary>Small JSON helpers that turn type mismatches into readable parse errors.</summary>
internal static class JsonShape
{
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(element.GetString())}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        _ => "null",
    };

    /// <summary>
    /// Reads an object's members, accepting only <paramref name="known"/> names. A name in another
    /// case is accepted with a warning; an unknown or repeated one is an error (IAM rejects both).
    /// </summary>
    public static Dictionary<string, JsonElement> ReadElements(JsonElement obj, string where, string[] known, List<string> warnings)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var canonical = Array.Find(known, k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase))
                ?? throw new PolicyFormatException($"{where} has an unknown element '{property.Name}' (expected one of {string.Join(", ", known)})");
            if (!string.Equals(canonical, property.Name, StringComparison.Ordinal))
            {
                warnings.Add($"{where} spells '{canonical}' as '{property.Name}'");
            }

            if (!result.TryAdd(canonical, property.Value))
            {
                throw new PolicyFormatException($"{where} has '{canonical}' more than once");
            }
        }

        return result;
    }

    public static string RequireString(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new PolicyFormatException($"'{path}' must be a string, not {Describe(element)}");

    /// <summary>A string or an array of strings, as Action, Resource and principal values may be.</summary>
    public static List<string> ReadStringOrArray(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return [element.GetString()!];
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new PolicyFormatException($"{path} must be a string or an array of strings, not {Describe(element)}");
        }

        var values = new List<string>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            values.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new PolicyFormatException($"{path}[{index}] must be a string, not {Describe(item)}"));
            index++;
        }

        return values;
    }

    private static string? Shorten(string? text) => text is { Length: > 60 } ? text[..57] + "..." : text;
}
