using System.Text;
using System.Text.Json;
using System.Xml;
using Dashboard.StandIn.Data;
using Microsoft.AspNetCore.Http;

namespace Dashboard.StandIn.Hosting;

/// <summary>Writes errors the way each AWS protocol does.</summary>
internal static class AwsErrors
{
    /// <summary>REST-JSON (Security Hub): the code in x-amzn-ErrorType, the text in {"message": …}.</summary>
    public static Task WriteJsonAsync(HttpContext context, int status, string errorType, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["x-amzn-ErrorType"] = errorType;
        context.Response.ContentType = "application/json";
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["message"] = message }, JsonText.Options);
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>Query protocol (STS, IAM): an XML ErrorResponse with Type, Code, Message and the RequestId.</summary>
    public static Task WriteQueryAsync(HttpContext context, int status, string code, string message, string? xmlNamespace, string type = "Sender")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        var body = QueryErrorXml(code, message, xmlNamespace, type, RequestId(context));
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    public static string RequestId(HttpContext context) => context.Response.Headers["x-amzn-RequestId"].ToString();

    private static byte[] QueryErrorXml(string code, string message, string? xmlNamespace, string type, string requestId)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = true }))
        {
            writer.WriteStartElement("ErrorResponse", xmlNamespace ?? string.Empty);
            writer.WriteStartElement("Error", xmlNamespace ?? string.Empty);
            writer.WriteElementString("Type", xmlNamespace ?? string.Empty, type);
            writer.WriteElementString("Code", xmlNamespace ?? string.Empty, code);
            writer.WriteElementString("Message", xmlNamespace ?? string.Empty, message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", xmlNamespace ?? string.Empty, requestId);
            writer.WriteEndElement();
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
