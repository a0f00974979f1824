using System.Globalization;
using System.Text.Json;

namespace Dashboard.Core.Findings;

/// <summary>
/// Typed reads of ASFF fields that remember the first problem instead of throwing. After a failure
/// every read returns a default, so the parser can read straight through and check <see cref="Error"/>.
/// JSON <c>null</c> counts as absent for optional fields.
/// </summary>
internal sealed class AsffFieldReader
{
    public string? Error { get; private set; }

    public void Fail(string error) => Error ??= error;

    public string RequiredString(JsonElement? element, string path)
    {
        if (Error is not null)
        {
            return "";
        }

        if (element is not { ValueKind: JsonValueKind.String } value)
        {
            Fail(element is null ? $"missing required field '{path}'" : $"'{path}' must be a string, found {JsonText.Describe(element.Value.ValueKind)}");
            return "";
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Fail($"'{path}' must not be empty");
        }

        return text;
    }

    public string? OptionalString(JsonElement? element, string path)
    {
        if (Error is not null || element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Fail($"'{path}' must be a string, found {JsonText.Describe(value.ValueKind)}");
            return null;
        }

        return value.GetString();
    }

    /// <summary>An optional string that must be one of <paramref name="allowed"/> (any case); returned upper-case.</summary>
    public string? OptionalEnum(JsonElement? element, string path, string[] allowed)
    {
        var text = OptionalString(element, path);
        if (text is null)
        {
            return null;
        }

        var upper = text.Trim().ToUpperInvariant();
        if (Array.IndexOf(allowed, upper) < 0)
        {
            Fail($"'{path}' must be one of {string.Join(", ", allowed)}, found '{JsonText.Preview(text)}'");
            return null;
        }

        return upper;
    }

    public JsonElement? OptionalObject(JsonElement? element, string path)
    {
        if (Error is not null || element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail($"'{path}' must be an object, found {JsonText.Describe(value.ValueKind)}");
            return null;
        }

        return value;
    }

    /// <summary>An array whose items are all strings (ASFF <c>Types</c>); it may be empty, as Prowler sends it.</summary>
    public void StringArray(JsonElement? element, string path)
    {
        if (Error is not null || element is not { } value)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Fail($"'{path}' must be an array of strings, found {JsonText.Describe(value.ValueKind)}");
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                Fail($"'{path}[{index}]' must be a string, found {JsonText.Describe(item.ValueKind)}");
                return;
            }

            index++;
        }
    }

    public DateTimeOffset RequiredTimestamp(JsonElement? element, string path)
    {
        var text = RequiredString(element, path);
        return Error is null ? Timestamp(text, path) ?? default : default;
    }

    public DateTimeOffset? OptionalTimestamp(JsonElement? element, string path)
    {
        var text = OptionalString(element, path);
        return text is null ? null : Timestamp(text, path);
    }

    /// <summary>A number from 0 to 100 (ASFF <c>Severity.Normalized</c>), rounded to an integer.</summary>
    public int? OptionalScore(JsonElement? element, string path)
    {
        if (Error is not null || element is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            Fail($"'{path}' must be a number, found {JsonText.Describe(value.ValueKind)}");
            return null;
        }

        if (!value.TryGetDouble(out var score) || !double.IsFinite(score) || score < 0 || score > 100)
        {
            Fail($"'{path}' must be between 0 and 100, found {JsonText.Preview(value.GetRawText())}");
            return null;
        }

        return (int)Math.Round(score, MidpointRounding.AwayFromZero);
    }

    private DateTimeOffset? Timestamp(string text, string path)
    {
        if (AsffTimestamp.TryParse(text, out var instant))
        {
            return instant;
        }

        Fail(string.Create(CultureInfo.InvariantCulture,
            $"'{path}' is not an ISO-8601 timestamp such as 2024-01-31T23:00:00Z, found '{JsonText.Preview(text)}'"));
        return null;
    }
}
