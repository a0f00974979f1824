using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;

namespace Dashboard.Aws.Iam;

/// <summary>
/// Turns an IAM Query-protocol response (&lt;XResponse&gt;&lt;XResult&gt;…) into the JSON an AWS SDK or the
/// CLI would print: lists from &lt;member&gt; items, maps from &lt;entry&gt;, booleans and integers typed,
/// and every policy document URL-decoded. Unreadable XML throws <see cref="AwsResponseFormatException"/>.
/// </summary>
public static class IamQueryXml
{
    public const string Namespace = "https://iam.amazonaws.com/doc/2010-05-08/";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The &lt;{operation}Result&gt; of a response body as JSON (empty object when the operation returns nothing).</summary>
    public static JsonObject ReadResult(ReadOnlySpan<byte> body, string operation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        XDocument document;
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new AwsResponseFormatException("IAM", operation, $"the body is not well-formed XML ({ex.Message})", ex);
        }

        var root = document.Root!;
        if (root.Name.LocalName != operation + "Response")
        {
            throw new AwsResponseFormatException("IAM", operation, $"the root element is <{root.Name.LocalName}>, not <{operation}Response>.");
        }

        var result = root.Elements().FirstOrDefault(e => e.Name.LocalName == operation + "Result");
        return result is null ? [] : ReadStructure(result, operation);
    }

    private static JsonObject ReadStructure(XElement element, string operation)
    {
        var json = new JsonObject();
        foreach (var child in element.Elements())
        {
            // A repeated member would be a flattened list, which IAM does not use: the last one wins, as in botocore.
            json[child.Name.LocalName] = ReadMember(child, operation);
        }

        return json;
    }

    private static JsonNode? ReadMember(XElement element, string operation)
    {
        var name = element.Name.LocalName;
        if (IamWireShapes.Lists.Contains(name))
        {
            return new JsonArray([.. element.Elements().Select(item => ReadListItem(item, operation))]);
        }

        if (IamWireShapes.Maps.TryGetValue(name, out var integerValues))
        {
            var map = new JsonObject();
            foreach (var entry in element.Elements())
            {
                var key = entry.Elements().FirstOrDefault(e => e.Name.LocalName == "key")?.Value
                    ?? throw new AwsResponseFormatException("IAM", operation, $"an <entry> of <{name}> has no <key>.");
                var value = entry.Elements().FirstOrDefault(e => e.Name.LocalName == "value")?.Value ?? string.Empty;
                map[key] = integerValues ? Integer(value, $"{name}[{key}]", operation) : JsonValue.Create(value);
            }

            return map;
        }

        if (element.HasElements || IamWireShapes.Structures.Contains(name))
        {
            return ReadStructure(element, operation);
        }

        var text = element.Value;
        if (IamWireShapes.Documents.Contains(name))
        {
            // Policy documents travel URL-encoded (%7B%22Version%22…); the SDKs hand them out decoded.
            return JsonValue.Create(Uri.UnescapeDataString(text));
        }

        if (IamWireShapes.Booleans.Contains(name))
        {
            return text.Trim() switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                _ => throw new AwsResponseFormatException("IAM", operation, $"<{name}> is '{text}', not true or false."),
            };
        }

        return IamWireShapes.Integers.Contains(name) ? Integer(text, name, operation) : JsonValue.Create(text);
    }

    private static JsonNode? ReadListItem(XElement item, string operation) =>
        item.HasElements ? ReadStructure(item, operation) : JsonValue.Create(item.Value);

    private static JsonValue Integer(string text, string name, string operation) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : throw new AwsResponseFormatException("IAM", operation, $"<{name}> is '{text}', not a whole number.");
}
