using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Dashboard.Web.Tests.Security.Tokens;

/// <summary>
/// The OIDC handler's back channel: answers the pool's token endpoint with the tokens the test chose,
/// records each code redemption, and refuses anything else (a metadata or JWKS fetch would mean the
/// test reached for the network).
/// </summary>
public sealed class FakeTokenEndpoint : HttpMessageHandler
{
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _redemptions = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private volatile TokenResponse? _next;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Redemptions => [.. _redemptions];

    public IReadOnlyList<string> UnexpectedRequests => [.. _unexpected];

    public void WillIssue(string idToken, string accessToken) => _next = new TokenResponse(idToken, accessToken);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri != TestUserPool.TokenEndpoint || request.Content is null)
        {
            _unexpected.Enqueue($"{request.Method} {request.RequestUri}");
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var form = await request.Content.ReadAsStringAsync(cancellationToken);
        _redemptions.Enqueue(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(form)
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal));

        if (_next is not { } tokens)
        {
            return Json(HttpStatusCode.BadRequest, new { error = "invalid_grant" });
        }
        return Json(HttpStatusCode.OK, new
        {
            id_token = tokens.IdToken,
            access_token = tokens.AccessToken,
            token_type = "Bearer",
            expires_in = 3600,
        });
    }

    private static HttpResponseMessage Json(HttpStatusCode status, object body) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json") };

    private sealed record TokenResponse(string IdToken, string AccessToken);
}
