using System.Net;

namespace Dashboard.Aws.Tests.StandIn.UserPool;

/// <summary>Bad authorize requests are refused on the pool's own page (400), never redirected to an untrusted URL.</summary>
public sealed class UserPoolAuthorizeRefusalTests(UserPoolFixture fixture) : IClassFixture<UserPoolFixture>
{
    [Theory]
    [InlineData("code_challenge", null, "code_challenge")]
    [InlineData("code_challenge_method", null, "code_challenge_method")]
    [InlineData("code_challenge_method", "plain", "code_challenge_method")]
    [InlineData("client_id", "someone-else", "client_id")]
    [InlineData("client_id", null, "client_id")]
    [InlineData("redirect_uri", "https://evil.example.com/signin-oidc", "redirect_uri")]
    [InlineData("redirect_uri", "http://127.0.0.1:5123/elsewhere", "redirect_uri")]
    [InlineData("redirect_uri", "http://127.0.0.1.evil.example.com/signin-oidc", "redirect_uri")]
    [InlineData("redirect_uri", null, "redirect_uri")]
    [InlineData("response_type", "token", "response_type")]
    public async Task Authorize_BadParameter_IsRefusedWithoutRedirect(string name, string? value, string reason)
    {
        using var client = new OidcTestClient(fixture.Pool);
        var parameters = client.AuthorizeParameters(OidcTestClient.Pkce().Challenge);
        parameters[name] = value;
        if (value is null)
        {
            parameters.Remove(name);
        }

        using var response = await client.AuthorizeAsync(parameters);
        var body = await response.Content.ReadAsStringAsync(OidcTestClient.Ct);

        // invalid_client is a 401, everything else a 400.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
        Assert.Null(response.Headers.Location);
        Assert.Contains(reason, body, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-admin", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_UnknownScope_IsInvalidScope()
    {
        using var client = new OidcTestClient(fixture.Pool);

        using var response = await client.AuthorizeAsync(client.AuthorizeParameters(OidcTestClient.Pkce().Challenge, scope: "openid aws.cognito.signin.user.admin.everything"));
        var body = await response.Content.ReadAsStringAsync(OidcTestClient.Ct);

        Assert.Contains("invalid_scope", (response.Headers.Location?.Query ?? "") + body, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownUser_IsRefused()
    {
        using var client = new OidcTestClient(fixture.Pool);

        using var response = await client.SignInAsync(client.AuthorizeParameters(OidcTestClient.Pkce().Challenge), "demo-nobody");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("Unknown user", await response.Content.ReadAsStringAsync(OidcTestClient.Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_PostWithWrongRedirectUri_IsRefusedBeforeSigningIn()
    {
        using var client = new OidcTestClient(fixture.Pool);
        var parameters = client.AuthorizeParameters(OidcTestClient.Pkce().Challenge);
        parameters["redirect_uri"] = "https://evil.example.com/signin-oidc";
        parameters["standin_username"] = "demo-admin";

        using var response = await client.PostFormAsync("oauth2/authorize", parameters);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
