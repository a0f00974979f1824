using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Iam.Inventory.Serialization;

/// <summary>
/// Writes a policy document as its decoded JSON text in a string, never re-encoded or re-formatted: a
/// malformed document must come back byte for byte so it is reported exactly as IAM holds it.
/// </summary>
internal sealed class IamPolicyJsonConverter : JsonConverter<IamPolicyJson>
{
    public override IamPolicyJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.String
            ? new IamPolicyJson(reader.GetString()!)
            : throw new JsonException($"A policy document must be a JSON string, not {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, IamPolicyJson value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Json);
}
