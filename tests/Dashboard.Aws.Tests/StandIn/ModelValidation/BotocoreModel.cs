using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dashboard.Aws.Tests.StandIn.ModelValidation;

/// <summary>
/// A botocore service model (shared/aws/wire/botocore-models-current) and a recursive check of a value
/// against one of its shapes: members exist, JSON kinds match the shape types, enums, patterns, lengths
/// and ranges hold, required members are present, timestamps have the protocol's format.
/// </summary>
internal sealed class BotocoreModel
{
    private static readonly ConcurrentDictionary<string, BotocoreModel> Loaded = new(StringComparer.Ordinal);

    private readonly JsonElement root;
    private readonly JsonElement shapes;
    private readonly ConcurrentDictionary<string, Regex> patterns = new(StringComparer.Ordinal);

    private BotocoreModel(JsonElement root)
    {
        this.root = root;
        shapes = root.GetProperty("shapes");
        Protocol = root.GetProperty("metadata").GetProperty("protocol").GetString()!;
    }

    public string Protocol { get; }

    public string? XmlNamespace => root.GetProperty("metadata").TryGetProperty("xmlNamespace", out var ns) ? ns.GetString() : null;

    /// <summary>Loads e.g. "securityhub-service-2.json" once per test run.</summary>
    public static BotocoreModel Load(string file) => Loaded.GetOrAdd(file, f =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.Path("aws", "wire", "botocore-models-current", f)));
        return new BotocoreModel(document.RootElement.Clone());
    });

    public (string Shape, string? ResultWrapper) Output(string operation)
    {
        var output = root.GetProperty("operations").GetProperty(operation).GetProperty("output");
        return (output.GetProperty("shape").GetString()!, output.TryGetProperty("resultWrapper", out var wrapper) ? wrapper.GetString() : null);
    }

    public JsonElement Shape(string name) => shapes.GetProperty(name);

    /// <summary>Problems found, each with a JSON path; empty when the value fits the shape.</summary>
    public IReadOnlyList<string> Validate(JsonElement value, string shapeName, int maxErrors = 50)
    {
        var errors = new List<string>();
        Check(value, shapeName, null, "$", errors, maxErrors);
        return errors;
    }

    private void Check(JsonElement value, string shapeName, JsonElement? member, string path, List<string> errors, int maxErrors)
    {
        if (errors.Count >= maxErrors)
        {
            return;
        }

        var shape = Shape(shapeName);
        var type = shape.GetProperty("type").GetString();
        if (value.ValueKind == JsonValueKind.Null)
        {
            errors.Add($"{path}: null is not a valid {shapeName} ({type})");
            return;
        }

        switch (type)
        {
            case "structure":
                CheckStructure(value, shapeName, shape, path, errors, maxErrors);
                break;
            case "list":
                if (!Expect(value, JsonValueKind.Array, shapeName, path, errors))
                {
                    return;
                }

                CheckLength(value.GetArrayLength(), shape, shapeName, path, errors);
                var itemShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(item, itemShape, shape.GetProperty("member"), $"{path}[{index++}]", errors, maxErrors);
                }

                break;
            case "map":
                if (!Expect(value, JsonValueKind.Object, shapeName, path, errors))
                {
                    return;
                }

                var keyShape = shape.GetProperty("key").GetProperty("shape").GetString()!;
                var valueShape = shape.GetProperty("value").GetProperty("shape").GetString()!;
                foreach (var entry in value.EnumerateObject())
                {
                    CheckString(entry.Name, keyShape, Shape(keyShape), $"{path}<key {entry.Name}>", errors);
                    Check(entry.Value, valueShape, shape.GetProperty("value"), $"{path}[\"{entry.Name}\"]", errors, maxErrors);
                }

                break;
            case "string":
                if (Expect(value, JsonValueKind.String, shapeName, path, errors))
                {
                    CheckString(value.GetString()!, shapeName, shape, path, errors);
                }

                break;
            case "integer":
            case "long":
                CheckInteger(value, type, shapeName, shape, path, errors);
                break;
            case "double":
            case "float":
                Expect(value, JsonValueKind.Number, shapeName, path, errors);
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: expected a boolean for {shapeName}, got {value.ValueKind}");
                }

                break;
            case "timestamp":
                CheckTimestamp(value, shapeName, shape, member, path, errors);
                break;
            case "blob":
                if (Expect(value, JsonValueKind.String, shapeName, path, errors) && !value.TryGetBytesFromBase64(out _))
                {
                    errors.Add($"{path}: {shapeName} must be base64");
                }

                break;
            default:
                errors.Add($"{path}: shape {shapeName} has unhandled type {type}");
                break;
        }
    }

    private void CheckStructure(JsonElement value, string shapeName, JsonElement shape, string path, List<string> errors, int maxErrors)
    {
        if (!Expect(value, JsonValueKind.Object, shapeName, path, errors))
        {
            return;
        }

        var members = shape.GetProperty("members");
        var present = 0;
        foreach (var property in value.EnumerateObject())
        {
            if (!members.TryGetProperty(property.Name, out var member))
            {
                errors.Add($"{path}.{property.Name}: not a member of {shapeName}");
                continue;
            }

            present++;
            Check(property.Value, member.GetProperty("shape").GetString()!, member, $"{path}.{property.Name}", errors, maxErrors);
        }

        if (shape.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: required member {shapeName}.{name} is missing");
                }
            }
        }

        if (shape.TryGetProperty("union", out var union) && union.GetBoolean() && present != 1)
        {
            errors.Add($"{path}: union {shapeName} must set exactly one member, has {present}");
        }
    }

    private void CheckString(string text, string shapeName, JsonElement shape, string path, List<string> errors)
    {
        if (shape.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == text))
        {
            errors.Add($"{path}: '{text}' is not in the {shapeName} enum");
        }

        CheckLength(text.Length, shape, shapeName, path, errors);
        if (shape.TryGetProperty("pattern", out var pattern))
        {
            var regex = patterns.GetOrAdd(pattern.GetString()!, p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            if (!regex.IsMatch(text))
            {
                errors.Add($"{path}: '{Shorten(text)}' does not match the {shapeName} pattern {pattern.GetString()}");
            }
        }
    }

    private static void CheckInteger(JsonElement value, string type, string shapeName, JsonElement shape, string path, List<string> errors)
    {
        if (!Expect(value, JsonValueKind.Number, shapeName, path, errors))
        {
            return;
        }

        var fits = type == "integer" ? value.TryGetInt32(out _) : value.TryGetInt64(out _);
        if (!fits || !value.TryGetInt64(out var number))
        {
            errors.Add($"{path}: {value.GetRawText()} is not a whole {type} for {shapeName}");
            return;
        }

        if ((shape.TryGetProperty("min", out var min) && number < min.GetInt64()) || (shape.TryGetProperty("max", out var max) && number > max.GetInt64()))
        {
            errors.Add($"{path}: {number} is outside the range of {shapeName}");
        }
    }

    private void CheckTimestamp(JsonElement value, string shapeName, JsonElement shape, JsonElement? member, string path, List<string> errors)
    {
        var format = member is { } m && m.TryGetProperty("timestampFormat", out var memberFormat) ? memberFormat.GetString()
            : shape.TryGetProperty("timestampFormat", out var shapeFormat) ? shapeFormat.GetString()
            : Protocol is "query" or "ec2" or "rest-xml" ? "iso8601" : "unixTimestamp";
        if (format == "unixTimestamp")
        {
            Expect(value, JsonValueKind.Number, shapeName, path, errors);
            return;
        }

        if (value.ValueKind != JsonValueKind.String || !IsIso8601(value.GetString()!))
        {
            errors.Add($"{path}: {value.GetRawText()} is not an ISO 8601 timestamp for {shapeName}");
        }
    }

    /// <summary>RFC 3339 / ISO 8601 date-time with a 'T' and an offset or Z, as AWS sends.</summary>
    public static bool IsIso8601(string text) =>
        text.Length >= 20 && text[10] == 'T' && (text.EndsWith('Z') || text[^6] is '+' or '-')
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    private static void CheckLength(int length, JsonElement shape, string shapeName, string path, List<string> errors)
    {
        if (shape.TryGetProperty("min", out var min) && length < min.GetInt32())
        {
            errors.Add($"{path}: length {length} is below the minimum {min.GetInt32()} of {shapeName}");
        }

        if (shape.TryGetProperty("max", out var max) && length > max.GetInt32())
        {
            errors.Add($"{path}: length {length} is above the maximum {max.GetInt32()} of {shapeName}");
        }
    }

    private static bool Expect(JsonElement value, JsonValueKind kind, string shapeName, string path, List<string> errors)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        errors.Add($"{path}: expected {kind} for {shapeName}, got {value.ValueKind}");
        return false;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
