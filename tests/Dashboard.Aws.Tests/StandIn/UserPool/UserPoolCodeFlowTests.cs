using System.Net;
using System.Text.Json;

namespace Dashboard.Aws.Tests.StandIn.UserPool;

public sealed class UserPoolCodeFlowTests(UserPoolFixture fixture) : IClassFixture<UserPoolFixture>
{
    [Fact]
    public async Task CodeFlow_DemoAnalyst_IdTokenIsSignedAndShapedLikeCognitos()
    {
        using var client = new OidcTestClient(fixture.Pool);

        var tokens = await client.SignInAndExchangeAsync("demo-analyst", nonce: "n-0S6_WzA2Mj");
        var idToken = await client.ValidateAsync(tokens.GetProperty("id_token").GetString()!, audience: "dashboard-demo-client");

        var payload = Payload(idToken);
        Assert.Equal("id", payload.GetProperty("token_use").GetString());
        Assert.Equal("dashboard-demo-client", payload.GetProperty("aud").GetString());
        Assert.Equal(fixture.Pool.Issuer.ToString(), payload.GetProperty("iss").GetString());
        Assert.EndsWith("/us-east-1_DEMOPOOL1", payload.GetProperty("iss").GetString(), StringComparison.Ordinal);
        Assert.Equal("n-0S6_WzA2Mj", payload.GetProperty("nonce").GetString());
        Assert.Equal("demo-analyst", payload.GetProperty("cognito:username").GetString());
        Assert.Equal("demo-analyst@example.com", payload.GetProperty("email").GetString());
        Assert.True(payload.GetProperty("email_verified").GetBoolean());
        Assert.Equal(JsonValueKind.Array, payload.GetProperty("cognito:groups").ValueKind);
        Assert.Equal(["dashboard-analysts"], payload.GetProperty("cognito:groups").EnumerateArray().Select(g => g.GetString()));
        Assert.True(Guid.TryParse(payload.GetProperty("sub").GetString(), out _));
        Assert.Equal(3600, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
        Assert.InRange(payload.GetProperty("auth_time").GetInt64(), payload.GetProperty("iat").GetInt64() - 60, payload.GetProperty("iat").GetInt64());
        Assert.Equal("RS256", idToken.Alg);
        Assert.False(string.IsNullOrEmpty(idToken.Kid));
    }

    [Fact]
    public async Task CodeFlow_DemoAdmin_AccessTokenAndUserInfoAreCognitos()
    {
        using var client = new OidcTestClient(fixture.Pool);

        var tokens = await client.SignInAndExchangeAsync("demo-admin");
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        var access = Payload(await client.ValidateAsync(accessToken, audience: null));
        using var userInfo = await client.UserInfoAsync(accessToken);
        var info = JsonDocument.Parse(await userInfo.Content.ReadAsStringAsync(OidcTestClient.Ct)).RootElement;
        var id = Payload(await client.ValidateAsync(tokens.GetProperty("id_token").GetString()!, "dashboard-demo-client"));

        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.Equal("access", access.GetProperty("token_use").GetString());
        Assert.Equal("dashboard-demo-client", access.GetProperty("client_id").GetString());
        Assert.Equal("demo-admin", access.GetProperty("username").GetString());
        Assert.Equal(["dashboard-admins"], access.GetProperty("cognito:groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["email", "openid", "profile"], access.GetProperty("scope").GetString()!.Split(' ').Order());
        Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);
        Assert.Equal(id.GetProperty("sub").GetString(), info.GetProperty("sub").GetString());
        Assert.Equal("demo-admin@example.com", info.GetProperty("email").GetString());
        Assert.Equal("demo-admin", info.GetProperty("username").GetString());
        Assert.True(info.GetProperty("email_verified").GetBoolean());
    }

    [Fact]
    public async Task CodeFlow_UserInNoGroup_IdTokenHasNoGroupsClaim()
    {
        using var client = new OidcTestClient(fixture.Pool);

        var tokens = await client.SignInAndExchangeAsync("demo-outsider");
        var payload = Payload(await client.ValidateAsync(tokens.GetProperty("id_token").GetString()!, "dashboard-demo-client"));

        Assert.Equal("demo-outsider", payload.GetProperty("cognito:username").GetString());
        Assert.False(payload.TryGetProperty("cognito:groups", out _));
    }

    [Fact]
    public async Task CodeFlow_SameUserTwice_SameSubjectAndDistinctPerUser()
    {
        using var client = new OidcTestClient(fixture.Pool);

        var first = await SubjectAsync(client, "demo-viewer");
        var second = await SubjectAsync(client, "DEMO-VIEWER");
        var other = await SubjectAsync(client, "demo-admin");

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Token_CodeUsedWithWrongVerifier_IsInvalidGrant()
    {
        using var client = new OidcTestClient(fixture.Pool);
        var (_, challenge) = OidcTestClient.Pkce();
        using var callback = await client.SignInAsync(client.AuthorizeParameters(challenge), "demo-viewer");

        var (status, body) = await client.ExchangeAsync(OidcTestClient.CodeFrom(callback), OidcTestClient.Pkce().Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_CodeUsedTwice_SecondIsInvalidGrant()
    {
        using var client = new OidcTestClient(fixture.Pool);
        var (verifier, challenge) = OidcTestClient.Pkce();
        using var callback = await client.SignInAsync(client.AuthorizeParameters(challenge), "demo-viewer");
        var code = OidcTestClient.CodeFrom(callback);

        var (first, _) = await client.ExchangeAsync(code, verifier);
        var (second, body) = await client.ExchangeAsync(code, verifier);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.BadRequest, second);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_RedirectUriDiffersFromAuthorize_IsInvalidGrant()
    {
        using var client = new OidcTestClient(fixture.Pool);
        var (verifier, challenge) = OidcTestClient.Pkce();
        using var callback = await client.SignInAsync(client.AuthorizeParameters(challenge), "demo-viewer");

        var (status, body) = await client.ExchangeAsync(OidcTestClient.CodeFrom(callback), verifier, redirectUri: "http://127.0.0.1:9999/signin-oidc");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_UnknownClient_IsInvalidClient()
    {
        using var client = new OidcTestClient(fixture.Pool);
        var (verifier, challenge) = OidcTestClient.Pkce();
        using var callback = await client.SignInAsync(client.AuthorizeParameters(challenge), "demo-viewer");

        var (status, body) = await client.ExchangeAsync(OidcTestClient.CodeFrom(callback), verifier, clientId: "someone-else");

        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    private static async Task<string> SubjectAsync(OidcTestClient client, string username)
    {
        var tokens = await client.SignInAndExchangeAsync(username);
        return Payload(await client.ValidateAsync(tokens.GetProperty("id_token").GetString()!, "dashboard-demo-client")).GetProperty("sub").GetString()!;
    }

    internal static JsonElement Payload(Microsoft.IdentityModel.JsonWebTokens.JsonWebToken token) =>
        JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(token.EncodedPayload)).RootElement.Clone();
}
