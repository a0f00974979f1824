using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Dashboard.StandIn.Iam;

/// <summary>
/// Writes IAM's Query-protocol XML: &lt;XResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"&gt;
/// &lt;XResult&gt;…&lt;/XResult&gt;&lt;ResponseMetadata&gt;&lt;RequestId&gt;…, lists as &lt;member&gt; items,
/// maps as &lt;entry&gt;&lt;key&gt;&lt;value&gt;, and policy documents URL-encoded as IAM sends them.
/// Entities are rendered once into fragments (<see cref="Fragment"/>) that pages then splice in.
/// </summary>
internal static class IamXml
{
    public const string Namespace = "https://iam.amazonaws.com/doc/2010-05-08/";

    private static readonly HashSet<string> Maps = new(StringComparer.Ordinal) { "SummaryMap" };
    private static readonly HashSet<string> Documents = new(StringComparer.Ordinal) { "AssumeRolePolicyDocument", "Document", "PolicyDocument" };

    /// <summary>A whole response; <paramref name="writeResult"/> writes the members of the Result element (null: no Result).</summary>
    public static string Response(string action, string requestId, Action<XmlWriter>? writeResult)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement(action + "Response", Namespace);
            if (writeResult is not null)
            {
                writer.WriteStartElement(action + "Result", Namespace);
                writeResult(writer);
                writer.WriteEndElement();
            }

            writer.WriteStartElement("ResponseMetadata", Namespace);
            writer.WriteElementString("RequestId", Namespace, requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return builder.ToString();
    }

    /// <summary>
    /// An element rendered once, without a namespace declaration: spliced into a response it inherits IAM's
    /// default namespace, as if written there.
    /// </summary>
    public static string Fragment(string elementName, JsonNode value)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment }))
        {
            writer.WriteStartElement(elementName);
            WriteValue(writer, elementName, value);
            writer.WriteEndElement();
        }

        return builder.ToString();
    }

    /// <summary>How IAM encodes a policy document: the JSON text, percent-encoded (RFC 3986, so '*' is %2A).</summary>
    public static string EncodeDocument(JsonNode document) => Uri.EscapeDataString(document.ToJsonString());

    private static void WriteValue(XmlWriter writer, string name, JsonNode value)
    {
        if (Documents.Contains(name))
        {
            writer.WriteString(value is JsonValue text && text.TryGetValue<string>(out var raw) ? raw : EncodeDocument(value));
            return;
        }

        switch (value)
        {
            case JsonArray list:
                foreach (var item in list)
                {
                    writer.WriteStartElement("member");
                    if (item is not null)
                    {
                        WriteValue(writer, "member", item);
                    }

                    writer.WriteEndElement();
                }

                break;
            case JsonObject map when Maps.Contains(name):
                foreach (var (key, entry) in map)
                {
                    writer.WriteStartElement("entry");
                    writer.WriteElementString("key", key);
                    writer.WriteStartElement("value");
                    if (entry is not null)
                    {
                        WriteValue(writer, "value", entry);
                    }

                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }

                break;
            case JsonObject structure:
                foreach (var (member, memberValue) in structure)
                {
                    if (memberValue is null)
                    {
                        continue;
                    }

                    writer.WriteStartElement(member);
                    WriteValue(writer, member, memberValue);
                    writer.WriteEndElement();
                }

                break;
            case JsonValue scalar:
                writer.WriteString(scalar.GetValueKind() switch
                {
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => scalar.ToJsonString(),
                    _ => scalar.GetValue<string>(),
                });
                break;
        }
    }
}
