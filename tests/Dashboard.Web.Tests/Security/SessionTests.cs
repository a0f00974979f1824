using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Web.Tests.Integration;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Tests.Security;

/// <summary>The session cookie, sign-out through Cognito's /logout, the "no access" page and the security headers.</summary>
public sealed partial class SessionTests : IClassFixture<DashboardWebFactory>
{
    private readonly DashboardWebFactory _factory;

    public SessionTests(DashboardWebFactory factory) => _factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_SessionCookie_IsHostOnlySecureHttpOnlyLax()
    {
        var (client, callback) = await DemoSignIn.SignInAsync(_factory, "demo-viewer");
        using var _ = client;

        var cookies = SetCookieHeaderValue.ParseList(callback.Headers.GetValues(HeaderNames.SetCookie).ToList());
        var session = Assert.Single(cookies, c => c.Name == "__Host-dashboard-session");
        Assert.True(session.HttpOnly);
        Assert.True(session.Secure);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, session.SameSite);
        Assert.Equal("/", session.Path.ToString());
        Assert.True(session.Domain.Length == 0, "a __Host- cookie has no Domain");
        Assert.Equal("/", callback.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignOut_WithToken_GoesToCognitoLogoutAndRevokesTheCookie()
    {
        var (client, callback) = await DemoSignIn.SignInAsync(_factory, "demo-analyst");
        using var _ = client;
        var sessionCookie = SetCookieHeaderValue.ParseList(callback.Headers.GetValues(HeaderNames.SetCookie).ToList())
            .Single(c => c.Name == "__Host-dashboard-session");
        var token = await AntiforgeryTokenAsync(client);

        var response = await client.PostAsync("/account/signout",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var logout = response.Headers.Location!;
        Assert.Equal("/logout", logout.AbsolutePath);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(logout.Query);
        Assert.Equal("dashboard-demo-client", query["client_id"]);
        Assert.Equal("https://localhost/signed-out", query["logout_uri"]);

        // The old cookie, replayed by someone who copied it, no longer opens anything.
        using var replay = DemoSignIn.AnonymousClient(_factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add(HeaderNames.Cookie, $"{sessionCookie.Name}={sessionCookie.Value}");
        var replayed = await replay.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/oauth2/authorize", replayed.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = await DemoSignIn.SignedInClientAsync(_factory, "demo-viewer");

        var response = await client.PostAsync("/account/signout", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task UserInNoMappedGroup_GetsTheNoAccessPage()
    {
        using var client = await DemoSignIn.SignedInClientAsync(_factory, "demo-outsider");

        var page = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/no-access", page.Headers.Location!.PathAndQuery);

        var html = await client.GetStringAsync("/no-access", Ct);
        Assert.True(html.Contains("data-testid=\"no-access\""), html);
        Assert.Contains("demo-outsider", html);
        Assert.Contains("dashboard-viewers", html);
        Assert.DoesNotContain("href=\"/findings\"", html);
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders()
    {
        using var client = await DemoSignIn.SignedInClientAsync(_factory, "demo-viewer");

        foreach (var path in new[] { "/", "/healthz", "/signed-out", "/_content/MudBlazor/MudBlazor.min.css" })
        {
            var response = await client.GetAsync(path, Ct);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self';", csp);
            Assert.Contains("object-src 'none'", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    [Fact]
    public async Task Page_HasNoInlineScript_SoTheStrictCspHolds()
    {
        using var client = await DemoSignIn.SignedInClientAsync(_factory, "demo-viewer");

        var html = await client.GetStringAsync("/", Ct);

        // Every <script> loads a file: an inline one (an import map, say) would be blocked by script-src 'self'.
        foreach (Match script in ScriptTag().Matches(html))
        {
            Assert.Contains("src=", script.Value);
        }
        Assert.NotEmpty(ScriptTag().Matches(html));
    }

    [Fact]
    public async Task Https_GetsHsts_PlainLocalHttpDoesNot()
    {
        using var https = _factory.CreateClient(new() { BaseAddress = new Uri("https://dashboard.example.com"), AllowAutoRedirect = false });
        using var http = _factory.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        var secure = await https.GetAsync("/healthz", Ct);
        var plain = await http.GetAsync("/healthz", Ct);

        Assert.StartsWith("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task BehindAProxy_ForwardedProto_MakesTheRedirectUriHttps()
    {
        using var client = _factory.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request, Ct);

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/", Ct);
        var match = AntiforgeryInput().Match(html);
        Assert.True(match.Success, "the page has a sign-out form with an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
