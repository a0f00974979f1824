using System.Globalization;
using System.Text.Json;

namespace Dashboard.Core.Iam.Inventory;

/// <summary>
/// Typed reads from one JSON object of an IAM document, with the member's path in every error
/// (<c>RoleDetailList[3].CreateDate must be a timestamp…</c>). Tolerances AWS's own examples need are
/// recorded in the warnings list instead of failing.
/// </summary>
internal sealed class IamJson
{
    private readonly List<string>? warnings;

    public IamJson(JsonElement element, string path, List<string>? warnings = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new IamInventoryFormatException($"{path} must be an object, not {Describe(element)}.");
        }

        Element = element;
        Path = path;
        this.warnings = warnings;
    }

    public JsonElement Element { get; }

    public string Path { get; }

    public bool Has(string name) => TryGet(name, out _);

    public string RequiredString(string name) =>
        OptionalString(name) is { Length: > 0 } text ? text : throw new IamInventoryFormatException($"{Path}.{name} is missing or empty.");

    public string? OptionalString(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new IamInventoryFormatException($"{Path}.{name} must be a string, not {Describe(value)}.");
    }

    public bool? OptionalBool(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new IamInventoryFormatException($"{Path}.{name} must be true or false, not {Describe(value)}."),
        };
    }

    public int? OptionalInt(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new IamInventoryFormatException($"{Path}.{name} must be a whole number, not {Describe(value)}.");
    }

    /// <summary>ISO 8601 as the API sends it, or Python's "2023-03-09 10:41:45+00:00" as boto3-based tools write it.</summary>
    public DateTimeOffset? OptionalTimestamp(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }

        return TryParseTimestamp(text, out var instant)
            ? instant
            : throw new IamInventoryFormatException($"{Path}.{name} must be a timestamp such as 2024-01-31T12:00:00Z, not '{Shorten(text)}'.");
    }

    /// <summary>A list of objects. AWS's CLI example has a lone object where a list belongs: read as a list of one, with a warning.</summary>
    public IEnumerable<IamJson> Objects(string name)
    {
        if (!TryGet(name, out var value))
        {
            yield break;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            warnings?.Add($"{Path}.{name} is a single object where IAM returns a list; read as a list of one.");
            yield return new IamJson(value, $"{Path}.{name}", warnings);
            yield break;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new IamInventoryFormatException($"{Path}.{name} must be a list, not {Describe(value)}.");
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            yield return new IamJson(item, $"{Path}.{name}[{index++}]", warnings);
        }
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new IamInventoryFormatException($"{Path}.{name} must be a list of strings, not {Describe(value)}.");
        }

        var list = new List<string>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new IamInventoryFormatException($"{Path}.{name}[{index}] must be a string, not {Describe(item)}."));
            index++;
        }

        return list;
    }

    /// <summary>
    /// A policy document: a JSON object (CLI dumps), a URL-encoded string (the wire), or a string of JSON.
    /// Whatever it holds is kept; a malformed document is reported when the policy is parsed, not here.
    /// </summary>
    public IamPolicyJson? Document(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? IamPolicyJson.FromWire(value.GetString()!)
            : new IamPolicyJson(value.GetRawText());
    }

    public IamJson? OptionalObject(string name) => TryGet(name, out var value) ? new IamJson(value, $"{Path}.{name}", warnings) : null;

    public static bool TryParseTimestamp(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out instant);

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string '{Shorten(value.GetString()!)}'",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        _ => value.ValueKind.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    // JSON null reads as absent: boto3-based tools write None for members IAM left out.
    private bool TryGet(string name, out JsonElement value) =>
        Element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
}
