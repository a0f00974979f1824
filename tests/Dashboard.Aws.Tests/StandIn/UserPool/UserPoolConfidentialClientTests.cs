using System.Net;

namespace Dashboard.Aws.Tests.StandIn.UserPool;

/// <summary>A confidential app client: its secret is demanded at the token endpoint, its URL lists are exact.</summary>
public sealed class UserPoolConfidentialClientTests(ConfidentialUserPoolFixture fixture) : IClassFixture<ConfidentialUserPoolFixture>
{
    private const string Callback = ConfidentialUserPoolFixture.ExactCallback;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Token_RightSecretBasicOrPost_IssuesTokens(bool basic)
    {
        using var client = new OidcTestClient(fixture.Pool);
        var (code, verifier) = await CodeAsync(client);

        var (status, body) = await client.ExchangeAsync(code, verifier, Callback, ConfidentialUserPoolFixture.Secret, basic);

        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var id = UserPoolCodeFlowTests.Payload(await client.ValidateAsync(body.GetProperty("id_token").GetString()!, "confidential-client"));
        Assert.Equal("http://127.0.0.1:" + fixture.Pool.DomainUrl.Port + "/eu-west-1_TestPool42", id.GetProperty("iss").GetString());
    }

    [Theory]
    [InlineData("wrong-secret", true)]
    [InlineData("wrong-secret", false)]
    [InlineData(null, false)]
    public async Task Token_WrongOrMissingSecret_IsInvalidClient(string? secret, bool basic)
    {
        using var client = new OidcTestClient(fixture.Pool);
        var (code, verifier) = await CodeAsync(client);

        var (status, body) = await client.ExchangeAsync(code, verifier, Callback, secret, basic);

        Assert.NotEqual(HttpStatusCode.OK, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("id_token", out _));
    }

    [Fact]
    public async Task Authorize_LoopbackCallbackWhenNotAllowed_IsRefused()
    {
        using var client = new OidcTestClient(fixture.Pool);

        using var response = await client.AuthorizeAsync(client.AuthorizeParameters(OidcTestClient.Pkce().Challenge, redirectUri: UserPoolFixture.Callback));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Logout_ExactSignOutUrl_Redirects_LoopbackOneIsRefused()
    {
        using var client = new OidcTestClient(fixture.Pool);

        using var exact = await client.GetAsync(fixture.Pool.LogoutUrl(ConfidentialUserPoolFixture.ExactSignOut).PathAndQuery.TrimStart('/'));
        using var loopback = await client.GetAsync(fixture.Pool.LogoutUrl("http://127.0.0.1:5123/signed-out").PathAndQuery.TrimStart('/'));

        Assert.Equal(HttpStatusCode.Redirect, exact.StatusCode);
        Assert.Equal(ConfidentialUserPoolFixture.ExactSignOut, exact.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, loopback.StatusCode);
    }

    private static async Task<(string Code, string Verifier)> CodeAsync(OidcTestClient client)
    {
        var (verifier, challenge) = OidcTestClient.Pkce();
        using var callback = await client.SignInAsync(client.AuthorizeParameters(challenge, redirectUri: Callback), "demo-viewer");
        return (OidcTestClient.CodeFrom(callback, Callback), verifier);
    }
}
