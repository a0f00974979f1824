using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dashboard.StandIn.Data;

internal static class JsonText
{
    // AWS responses carry non-ASCII text as UTF-8, not \u escapes; the relaxed encoder does the same.
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly JsonSerializerOptions Options = new() { Encoder = Encoder };

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = Encoder };

    /// <summary>The JSON string body of a value (without the surrounding quotes).</summary>
    public static string Escape(string value) => JsonEncodedText.Encode(value, Encoder).ToString();
}
