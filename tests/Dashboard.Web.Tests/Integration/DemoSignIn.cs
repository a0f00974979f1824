using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Web.Tests.Integration;

/// <summary>
/// Signs a test client in exactly as a browser does in the demo: the dashboard redirects to the
/// stand-in User Pool's authorize endpoint, the demo user is chosen on its page, and the code comes
/// back to /signin-oidc, where the dashboard redeems it over the back channel and sets its cookie.
/// </summary>
public static class DemoSignIn
{
    /// <summary>https, because the session and correlation cookies are Secure.</summary>
    public static readonly Uri BaseAddress = new("https://localhost");

    public static HttpClient AnonymousClient(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BaseAddress, HandleCookies = true });

    public static async Task<HttpClient> SignedInClientAsync(WebApplicationFactory<Program> factory, string username, string returnPath = "/")
        => (await SignInAsync(factory, username, returnPath)).Client;

    /// <summary>The signed-in client and the callback's response (its Set-Cookie headers, its redirect).</summary>
    public static async Task<(HttpClient Client, HttpResponseMessage Callback)> SignInAsync(
        WebApplicationFactory<Program> factory, string username, string returnPath = "/", Uri? baseAddress = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, BaseAddress = baseAddress ?? BaseAddress, HandleCookies = true,
        });
        var ct = TestContext.Current.CancellationToken;

        var challenge = await client.GetAsync(returnPath, ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;

        using var pool = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var form = QueryHelpers.ParseQuery(authorize.Query)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")))
            .Append(new("standin_username", username));
        var chosen = await pool.PostAsync(authorize.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(form), ct);
        Assert.True(chosen.StatusCode == HttpStatusCode.Redirect, $"the stand-in pool refused the sign-in: {(int)chosen.StatusCode} {await chosen.Content.ReadAsStringAsync(ct)}");

        var callback = chosen.Headers.Location!;
        var signedIn = await client.GetAsync(callback.PathAndQuery, ct);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"the dashboard refused the callback: {(int)signedIn.StatusCode}");
        Assert.False(signedIn.Headers.Location?.OriginalString.StartsWith("/signed-out", StringComparison.Ordinal) ?? false,
            $"sign-in failed: {signedIn.Headers.Location} (cookies: {string.Join(" | ", signedIn.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])})");
        return (client, signedIn);
    }
}
