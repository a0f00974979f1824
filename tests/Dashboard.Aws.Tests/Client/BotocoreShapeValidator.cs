using System.Text.Json;

namespace Dashboard.Aws.Tests.Client;

/// <summary>
/// Checks a JSON value against a shape of a botocore service model: known members only, right JSON kinds,
/// enums, list lengths and integer ranges. Enough to prove a request is what the service model accepts.
/// </summary>
internal sealed class BotocoreShapeValidator
{
    private readonly JsonElement _shapes;

    private BotocoreShapeValidator(JsonElement shapes) => _shapes = shapes;

    public static BotocoreShapeValidator Load(string modelFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.Path("aws", "wire", "botocore-models-current", modelFile)));
        return new BotocoreShapeValidator(document.RootElement.GetProperty("shapes").Clone());
    }

    public IReadOnlyList<string> Validate(JsonElement value, string shapeName)
    {
        var errors = new List<string>();
        Check(value, shapeName, "$", errors);
        return errors;
    }

    private void Check(JsonElement value, string shapeName, string path, List<string> errors)
    {
        var shape = _shapes.GetProperty(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                if (value.ValueKind != JsonValueKind.Object) { errors.Add($"{path}: expected an object for {shapeName}"); return; }
                var members = shape.GetProperty("members");
                foreach (var property in value.EnumerateObject())
                {
                    if (!members.TryGetProperty(property.Name, out var member)) { errors.Add($"{path}.{property.Name}: not a member of {shapeName}"); continue; }
                    Check(property.Value, member.GetProperty("shape").GetString()!, $"{path}.{property.Name}", errors);
                }
                if (shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: {shapeName} requires {name}");
                    }
                }
                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array) { errors.Add($"{path}: expected an array for {shapeName}"); return; }
                var i = 0;
                foreach (var item in value.EnumerateArray()) Check(item, shape.GetProperty("member").GetProperty("shape").GetString()!, $"{path}[{i++}]", errors);
                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String) { errors.Add($"{path}: expected a string for {shapeName}"); return; }
                if (shape.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == value.GetString()))
                    errors.Add($"{path}: '{value.GetString()}' is not one of {shapeName}'s values");
                break;
            case "integer" or "long":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number)) { errors.Add($"{path}: expected an integer for {shapeName}"); return; }
                if (shape.TryGetProperty("min", out var min) && number < min.GetInt64()) errors.Add($"{path}: {number} below {shapeName} min");
                if (shape.TryGetProperty("max", out var max) && number > max.GetInt64()) errors.Add($"{path}: {number} above {shapeName} max");
                break;
            case "double" or "float":
                if (value.ValueKind != JsonValueKind.Number) errors.Add($"{path}: expected a number for {shapeName}");
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) errors.Add($"{path}: expected a boolean for {shapeName}");
                break;
            default:
                errors.Add($"{path}: shape type {shape.GetProperty("type").GetString()} not checked");
                break;
        }
    }
}
