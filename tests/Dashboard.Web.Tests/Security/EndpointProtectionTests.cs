using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Web.Tests.Integration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps — pages, the Blazor hub, exports, static files, anything added later —
/// refuses an anonymous request. Not a sample: the list comes from the app's own EndpointDataSource.
/// </summary>
public sealed partial class EndpointProtectionTests : IClassFixture<DashboardWebFactory>
{
    /// <summary>The only endpoints open without sign-in (the OIDC callbacks are handler paths, not endpoints).</summary>
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal) { "/healthz", "/signed-out" };

    private readonly DashboardWebFactory _factory;

    public EndpointProtectionTests(DashboardWebFactory factory) => _factory = factory;

    [Fact]
    public async Task EveryEndpoint_Anonymous_IsRefused()
    {
        using var client = DemoSignIn.AnonymousClient(_factory);
        var endpoints = AllRouteEndpoints();
        var open = new List<string>();
        var tested = 0;

        foreach (var (method, path) in endpoints)
        {
            if (Anonymous.Contains(path)) continue;
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH") request.Content = new FormUrlEncodedContent([]);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            tested++;
            if (!IsRefusal(response)) open.Add($"{method} {path} → {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.Empty(open);
        // Pages, the Blazor hub, the exports, sign-out and the static files were all among them.
        Assert.True(tested > 30, $"only {tested} endpoints were found");
        Assert.Contains(endpoints, e => e.Path.StartsWith("/_blazor", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Path == "/findings/export.csv");
        Assert.Contains(endpoints, e => e.Path.StartsWith("/_content/MudBlazor", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/signed-out")]
    public async Task AnonymousEndpoint_Anonymous_IsServed(string path)
    {
        using var client = DemoSignIn.AnonymousClient(_factory);

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(path, AllRouteEndpoints().Select(e => e.Path));
    }

    [Fact]
    public async Task Page_Anonymous_RedirectsToTheUserPoolWithPkce()
    {
        using var client = DemoSignIn.AnonymousClient(_factory);

        var response = await client.GetAsync("/findings?severity=CRITICAL", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/oauth2/authorize", location.AbsolutePath);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(["email", "openid", "profile"], query["scope"].ToString().Split(' ').Order());
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.EndsWith("/signin-oidc", query["redirect_uri"].ToString());
    }

    [Fact]
    public void EveryRoutablePage_DemandsARole_ExceptTheNoAccessPage()
    {
        // The Blazor endpoints only demand a signed-in user (so "no access" can render for someone in no
        // mapped group): each page must carry its own role policy, including pages added later.
        var pages = typeof(Dashboard.Web.Components.App).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), inherit: false).Length > 0)
            .ToList();
        var weak = pages
            .Where(t => t != typeof(Dashboard.Web.Components.Account.NoAccessPage))
            .Where(t => !t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), inherit: true)
                .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>()
                .Any(a => a.Policy is Dashboard.Web.Security.DashboardPolicies.Viewer or Dashboard.Web.Security.DashboardPolicies.Analyst or Dashboard.Web.Security.DashboardPolicies.Admin))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(pages.Count > 10, $"only {pages.Count} pages found");
        Assert.Empty(weak);
        Assert.DoesNotContain(pages, t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute), inherit: true).Length > 0);
    }

    [Fact]
    public async Task UserInNoMappedGroup_GetsStylesAndTheHubButNoPage()
    {
        using var client = await DemoSignIn.SignedInClientAsync(_factory, "demo-outsider", "/no-access");

        var css = await client.GetAsync("/_content/MudBlazor/MudBlazor.min.css", TestContext.Current.CancellationToken);
        var negotiate = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, TestContext.Current.CancellationToken);
        var findings = await client.GetAsync("/findings", TestContext.Current.CancellationToken);
        var export = await client.GetAsync("/findings/export.csv", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, findings.StatusCode);
        Assert.StartsWith("/no-access", findings.Headers.Location!.PathAndQuery);
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
    }

    /// <summary>A challenge (302 to the User Pool), 401 or 403: never the resource itself.</summary>
    private bool IsRefusal(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.ToString().Contains("/oauth2/authorize", StringComparison.Ordinal) == true);

    private List<(string Method, string Path)> AllRouteEndpoints()
    {
        var source = _factory.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
                var path = SamplePath(e.RoutePattern.RawText ?? "");
                return (methods.Count == 0 ? ["GET"] : methods).Select(m => (m, path));
            })
            .Distinct()
            .ToList();
    }

    /// <summary>A concrete URL for a route pattern: every parameter gets a sample value its constraint accepts.</summary>
    private static string SamplePath(string pattern)
    {
        var path = Parameter().Replace(pattern, m => m.Groups["optional"].Success ? "" : m.Groups["constraint"].Value.Contains("int") ? "1" : "sample");
        path = "/" + path.TrimStart('/');
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[^}:?=]+)(?<constraint>(:[^}?=]+)*)(=[^}]*)?(?<optional>\?)?\}")]
    private static partial Regex Parameter();
}
