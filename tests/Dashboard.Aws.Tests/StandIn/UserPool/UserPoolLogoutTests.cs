using System.Net;

namespace Dashboard.Aws.Tests.StandIn.UserPool;

/// <summary>Cognito's /logout?client_id=..&amp;logout_uri=.., and the remembered sign-in it ends.</summary>
public sealed class UserPoolLogoutTests(UserPoolFixture fixture) : IClassFixture<UserPoolFixture>
{
    [Theory]
    [InlineData("http://127.0.0.1:5123/signed-out")]
    [InlineData("http://localhost:8080/")]
    public async Task Logout_LoopbackLogoutUri_RedirectsThere(string logoutUri)
    {
        using var client = new OidcTestClient(fixture.Pool);

        using var response = await client.GetAsync(Relative(fixture.Pool.LogoutUrl(logoutUri)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(logoutUri, response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("client_id=dashboard-demo-client&logout_uri=https%3A%2F%2Fevil.example.com%2F", "logout_uri")]
    [InlineData("client_id=dashboard-demo-client&logout_uri=javascript%3Aalert(1)", "logout_uri")]
    [InlineData("client_id=dashboard-demo-client", "logout_uri")]
    [InlineData("client_id=someone-else&logout_uri=http%3A%2F%2F127.0.0.1%3A5123%2F", "client_id")]
    [InlineData("logout_uri=http%3A%2F%2F127.0.0.1%3A5123%2F", "client_id")]
    [InlineData("client_id=dashboard-demo-client&logout_uri=http%3A%2F%2F127.0.0.1%2Fa&logout_uri=http%3A%2F%2F127.0.0.1%2Fb", "logout_uri")]
    public async Task Logout_BadClientOrForeignLogoutUri_IsRefusedWithReason(string query, string reason)
    {
        using var client = new OidcTestClient(fixture.Pool);

        using var response = await client.GetAsync("logout?" + query);
        var body = await response.Content.ReadAsStringAsync(OidcTestClient.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains(reason, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_AfterSignIn_RemembersUserUntilLogout()
    {
        var cookies = new CookieContainer();
        using var client = new OidcTestClient(fixture.Pool, cookies);
        var (_, challenge) = OidcTestClient.Pkce();
        using var first = await client.SignInAsync(client.AuthorizeParameters(challenge), "demo-viewer");
        OidcTestClient.CodeFrom(first);

        using var silent = await client.AuthorizeAsync(client.AuthorizeParameters(challenge));
        var forced = client.AuthorizeParameters(challenge);
        forced["prompt"] = "login";
        using var promptLogin = await client.AuthorizeAsync(forced);
        using var logout = await client.GetAsync(Relative(fixture.Pool.LogoutUrl("http://127.0.0.1:5123/signed-out")));
        using var afterLogout = await client.AuthorizeAsync(client.AuthorizeParameters(challenge));

        Assert.False(string.IsNullOrEmpty(OidcTestClient.CodeFrom(silent)));
        Assert.Equal(HttpStatusCode.OK, promptLogin.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterLogout.StatusCode);
        Assert.Contains("data-testid=\"demo-user-demo-viewer\"", await afterLogout.Content.ReadAsStringAsync(OidcTestClient.Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_PromptNoneWithoutSession_RedirectsLoginRequired()
    {
        using var client = new OidcTestClient(fixture.Pool);
        var parameters = client.AuthorizeParameters(OidcTestClient.Pkce().Challenge);
        parameters["prompt"] = "none";

        using var response = await client.AuthorizeAsync(parameters);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(UserPoolFixture.Callback + "?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("error=login_required", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_ForgedSessionCookie_ShowsThePage()
    {
        var cookies = new CookieContainer();
        cookies.Add(fixture.Pool.DomainUrl, new Cookie("cognito-standin-session", "ZGVtby1hZG1pbg.9999999999.forged", "/oauth2/authorize"));
        using var client = new OidcTestClient(fixture.Pool, cookies);

        using var response = await client.AuthorizeAsync(client.AuthorizeParameters(OidcTestClient.Pkce().Challenge));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Relative(Uri url) => url.PathAndQuery.TrimStart('/');
}
