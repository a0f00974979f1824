using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;

namespace Dashboard.Web.Tests.Security.Tokens;

/// <summary>
/// A cookie-keeping client that does not follow redirects, on https://localhost: the correlation, nonce
/// and session cookies are Secure (the session one __Host-), so they only travel over https.
/// </summary>
public sealed class TestBrowser : IDisposable
{
    public static readonly Uri BaseAddress = new("https://localhost");

    public TestBrowser(TestServer server)
    {
        Client = new HttpClient(new CookieContainerHandler(Cookies) { InnerHandler = server.CreateHandler() }) { BaseAddress = BaseAddress };
    }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    public bool HasCookie(string name) => Cookies.GetCookies(BaseAddress).Any(c => c.Name == name && c.Value.Length > 0);

    public async Task<SessionView> SessionAsync(string path, CancellationToken cancellationToken)
    {
        var response = await Client.GetAsync(path, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return (await response.Content.ReadFromJsonAsync<SessionView>(cancellationToken))!;
    }

    public void Dispose() => Client.Dispose();
}
