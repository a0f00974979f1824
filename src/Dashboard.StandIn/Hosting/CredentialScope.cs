using Microsoft.AspNetCore.Http;

namespace Dashboard.StandIn.Hosting;

/// <summary>The SigV4 credential scope of a request: <c>Credential=&lt;AKID&gt;/&lt;date&gt;/&lt;region&gt;/&lt;service&gt;/aws4_request</c>.</summary>
internal sealed record CredentialScope(string AccessKeyId, string Date, string Region, string Service)
{
    public enum ParseResult
    {
        Ok,
        Missing,
        Malformed,
    }

    /// <summary>
    /// Reads the scope from the Authorization header (or a presigned URL's X-Amz-Credential). One base URL
    /// serves every service: the scope's service and Region say which API and Region a request is for, as
    /// the host name would on real AWS. The signature is not verified (a fake AWS has no secret to check).
    /// </summary>
    public static ParseResult TryRead(HttpRequest request, out CredentialScope? scope, out string problem)
    {
        scope = null;
        problem = string.Empty;
        var header = request.Headers.Authorization.ToString();
        string? credential;
        if (header.Length > 0)
        {
            if (!header.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
            {
                problem = "Authorization header requires the AWS4-HMAC-SHA256 algorithm.";
                return ParseResult.Malformed;
            }

            credential = Part(header, "Credential=");
            if (credential is null || Part(header, "SignedHeaders=") is null || Part(header, "Signature=") is null)
            {
                problem = "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.";
                return ParseResult.Malformed;
            }
        }
        else if (request.Query.TryGetValue("X-Amz-Credential", out var presigned))
        {
            credential = presigned.ToString();
        }
        else
        {
            problem = "Missing Authentication Token";
            return ParseResult.Missing;
        }

        var parts = credential.Split('/');
        if (parts.Length != 5 || parts[4] != "aws4_request" || parts.Take(4).Any(string.IsNullOrWhiteSpace))
        {
            problem = $"Credential should be scoped to a valid Region, service and aws4_request terminator, got '{credential}'.";
            return ParseResult.Malformed;
        }

        scope = new CredentialScope(parts[0], parts[1], parts[2], parts[3]);
        return ParseResult.Ok;
    }

    private static string? Part(string header, string name)
    {
        var start = header.IndexOf(name, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += name.Length;
        var end = header.IndexOf(',', start);
        var value = (end < 0 ? header[start..] : header[start..end]).Trim();
        return value.Length == 0 ? null : value;
    }
}
