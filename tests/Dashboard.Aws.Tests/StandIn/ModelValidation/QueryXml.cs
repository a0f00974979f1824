using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Dashboard.Aws.Tests.StandIn.ModelValidation;

/// <summary>
/// Converts a Query-protocol XML response into JSON shaped by the operation's output shape, the way an
/// SDK parses it, so <see cref="BotocoreModel.Validate"/> can check it. Elements that are not members
/// are kept under their own names, so the validator reports them instead of the converter hiding them.
/// </summary>
internal static class QueryXml
{
    public static (JsonElement Result, List<string> Problems) ToJson(string xml, BotocoreModel model, string operation)
    {
        var problems = new List<string>();
        var document = XDocument.Parse(xml);
        var root = document.Root!;
        XNamespace ns = model.XmlNamespace ?? string.Empty;
        if (root.Name != ns + (operation + "Response"))
        {
            problems.Add($"root element is {root.Name}, expected {{{ns}}}{operation}Response");
        }

        if (root.Element(ns + "ResponseMetadata")?.Element(ns + "RequestId") is not { Value.Length: > 0 })
        {
            problems.Add("ResponseMetadata/RequestId is missing");
        }

        var (shape, wrapper) = model.Output(operation);
        var result = root.Element(ns + (wrapper ?? operation + "Result"));
        if (result is null)
        {
            problems.Add($"result element {wrapper} is missing");
            return (JsonDocument.Parse("{}").RootElement, problems);
        }

        var json = Convert(result, shape, model)?.ToJsonString() ?? "null";
        return (JsonDocument.Parse(json).RootElement.Clone(), problems);
    }

    private static JsonNode? Convert(XElement element, string shapeName, BotocoreModel model)
    {
        var shape = model.Shape(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                var obj = new JsonObject();
                var members = shape.GetProperty("members");
                foreach (var child in element.Elements())
                {
                    var name = child.Name.LocalName;
                    var member = members.EnumerateObject().FirstOrDefault(m =>
                        (m.Value.TryGetProperty("locationName", out var location) ? location.GetString() : m.Name) == name);
                    obj[member.Value.ValueKind == JsonValueKind.Undefined ? name : member.Name] = member.Value.ValueKind == JsonValueKind.Undefined
                        ? JsonValue.Create(child.Value)
                        : Convert(child, member.Value.GetProperty("shape").GetString()!, model);
                }

                return obj;
            case "list":
                var itemShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
                return new JsonArray(element.Elements().Select(item => Convert(item, itemShape, model)).ToArray());
            case "map":
                var map = new JsonObject();
                var valueShape = shape.GetProperty("value").GetProperty("shape").GetString()!;
                foreach (var entry in element.Elements())
                {
                    var key = entry.Elements().First(e => e.Name.LocalName == "key").Value;
                    map[key] = Convert(entry.Elements().First(e => e.Name.LocalName == "value"), valueShape, model);
                }

                return map;
            case "integer" or "long":
                return long.TryParse(element.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole) ? JsonValue.Create(whole) : JsonValue.Create(element.Value);
            case "double" or "float":
                return double.TryParse(element.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? JsonValue.Create(real) : JsonValue.Create(element.Value);
            case "boolean":
                return element.Value switch { "true" => JsonValue.Create(true), "false" => JsonValue.Create(false), var other => JsonValue.Create(other) };
            default:
                return JsonValue.Create(element.Value);
        }
    }
}
