using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;

namespace Dashboard.Aws.Client;

/// <summary>What an AWS error response says, whatever the protocol.</summary>
public sealed record AwsErrorDetails(string? Code, string? Message, ErrorType Type, string? RequestId, HttpStatusCode StatusCode);

/// <summary>
/// Reads AWS error responses the way botocore does (its protocol tests are our reference):
/// REST-JSON and JSON 1.1 name the error in the x-amzn-ErrorType header, or in the body's "code" or
/// "__type"; the name may carry a Smithy namespace ("aws.protocoltests.restjson#FooError") and a
/// trailing ":http://internal.amazon.com/..." URI, both dropped. Query puts it in
/// &lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;.
/// </summary>
public static class AwsErrorParser
{
    private const int MaxSnippet = 200;

    public static AwsErrorDetails Parse(AwsProtocol protocol, HttpStatusCode status, Func<string, string?> header, ReadOnlySpan<byte> body)
    {
        var requestId = header("x-amzn-RequestId") ?? header("x-amz-request-id");
        var defaultType = (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender;
        return protocol == AwsProtocol.Query
            ? ParseXml(status, body, requestId, defaultType)
            : ParseJson(status, header("x-amzn-ErrorType"), body, requestId, defaultType);
    }

    /// <summary>Strips the Smithy namespace and the trailing URI from an error name.</summary>
    public static string? SanitizeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) code = code[..colon];
        var hash = code.LastIndexOf('#');
        if (hash >= 0) code = code[(hash + 1)..];
        code = code.Trim();
        return code.Length == 0 ? null : code;
    }

    private static AwsErrorDetails ParseJson(HttpStatusCode status, string? headerCode, ReadOnlySpan<byte> body, string? requestId, ErrorType type)
    {
        string? bodyCode = null, message = null;
        if (!IsBlank(body))
        {
            try
            {
                var reader = new Utf8JsonReader(body);
                using var document = JsonDocument.ParseValue(ref reader);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    bodyCode = StringMember(document.RootElement, "code", "__type");
                    message = StringMember(document.RootElement, "message", "errormessage");
                }
                else
                {
                    message = NotAwsBody(status, body);
                }
            }
            catch (JsonException)
            {
                // A proxy or load balancer answered (HTML, plain text): keep a snippet, the status still drives retries.
                message = NotAwsBody(status, body);
            }
        }
        return new AwsErrorDetails(SanitizeCode(headerCode) ?? SanitizeCode(bodyCode), message, type, requestId, status);
    }

    private static AwsErrorDetails ParseXml(HttpStatusCode status, ReadOnlySpan<byte> body, string? requestId, ErrorType type)
    {
        if (IsBlank(body)) return new AwsErrorDetails(null, null, type, requestId, status);
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            var document = XDocument.Load(reader);
            // <ErrorResponse><Error> (IAM, STS) and <Response><Errors><Error> (EC2-style Query) both occur.
            var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            string? Child(XElement? parent, string name) =>
                parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            var code = SanitizeCode(Child(error, "Code"));
            var message = Child(error, "Message");
            var xmlType = Child(error, "Type");
            var xmlRequestId = document.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
            if (xmlType is not null && Enum.TryParse<ErrorType>(xmlType, ignoreCase: true, out var parsed)) type = parsed;
            if (error is null) message = NotAwsBody(status, body);
            return new AwsErrorDetails(code, message, type, xmlRequestId ?? requestId, status);
        }
        catch (XmlException)
        {
            return new AwsErrorDetails(null, NotAwsBody(status, body), type, requestId, status);
        }
    }

    private static string? StringMember(JsonElement root, params string[] names)
    {
        // AWS uses "message", "Message" and "errorMessage" across services; names compare case-insensitively.
        foreach (var name in names)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                    return property.Value.GetString();
            }
        }
        return null;
    }

    private static bool IsBlank(ReadOnlySpan<byte> body) => body.Trim(" \t\r\n"u8).IsEmpty;

    private static string NotAwsBody(HttpStatusCode status, ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Length > MaxSnippet * 4 ? body[..(MaxSnippet * 4)] : body).Trim();
        if (text.Length > MaxSnippet) text = text[..MaxSnippet] + "…";
        return $"HTTP {(int)status} with a body that is not an AWS error: {text}";
    }
}
