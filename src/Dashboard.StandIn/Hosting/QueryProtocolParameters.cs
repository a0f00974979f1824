using Microsoft.AspNetCore.Http;

namespace Dashboard.StandIn.Hosting;

/// <summary>
/// The parameters of a Query-protocol request (STS, IAM): AWS accepts them in the query string or in a
/// form-encoded body; the body wins where both name one.
/// </summary>
internal static class QueryProtocolParameters
{
    public static async Task<Dictionary<string, string>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                parameters[key] = value.ToString();
            }
        }

        return parameters;
    }
}
