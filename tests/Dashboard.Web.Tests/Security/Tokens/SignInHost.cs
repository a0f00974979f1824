using System.Security.Claims;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Security.Tokens;

/// <summary>
/// The dashboard's real authentication (AddDashboardAuthentication + UseDashboardSecurity, configured
/// like production from Cognito:Region/UserPoolId/ClientId/Domain) in a minimal in-memory host, with
/// the test pool's metadata given statically and its token endpoint faked: nothing touches the network.
/// Behind it, three endpoints that report the session's user and roles under the app's policies.
/// </summary>
public sealed class SignInHost : IAsyncDisposable
{
    public const string SessionCookie = "__Host-dashboard-session";

    private readonly WebApplication _app;

    private SignInHost(WebApplication app, TestUserPool pool, FakeTokenEndpoint tokenEndpoint, CapturingLoggerProvider logs)
    {
        _app = app;
        Pool = pool;
        TokenEndpoint = tokenEndpoint;
        Logs = logs;
    }

    public TestUserPool Pool { get; }

    public FakeTokenEndpoint TokenEndpoint { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<SignInHost> StartAsync(CancellationToken cancellationToken)
    {
        var pool = new TestUserPool();
        var tokenEndpoint = new FakeTokenEndpoint();
        var logs = new CapturingLoggerProvider();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cognito:Region"] = TestUserPool.Region,
            ["Cognito:UserPoolId"] = TestUserPool.UserPoolId,
            ["Cognito:ClientId"] = TestUserPool.ClientId,
            ["Cognito:Domain"] = TestUserPool.Domain,
        });
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        // Keys in memory: nothing written to the user profile by a test.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddDashboardAuthentication();
        // Configure rather than PostConfigure: AddOpenIdConnect's own post-configure runs before any added
        // here and builds the configuration manager; seeing Configuration set, it makes a static one
        // instead of fetching discovery and JWKS from the authority.
        builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
        {
            options.Configuration = pool.Configuration;
            options.Backchannel = new HttpClient(tokenEndpoint);
        });

        var app = builder.Build();
        app.UseDashboardSecurity();
        // Typed as IResult, not SessionView: .NET 10's cookie handler answers endpoints it sees as JSON
        // APIs with a bare 401/403 instead of redirecting, and these stand for the dashboard's pages.
        // "/" is under the fallback policy (any mapped role), like every page of the dashboard.
        app.MapGet("/", (ClaimsPrincipal user) => Session(user));
        app.MapGet("/me", (ClaimsPrincipal user) => Session(user)).RequireAuthorization(DashboardPolicies.SignedIn);
        app.MapGet("/analyst-only", (ClaimsPrincipal user) => Session(user)).RequireAuthorization(DashboardPolicies.Analyst);
        app.MapGet("/admin-only", (ClaimsPrincipal user) => Session(user)).RequireAuthorization(DashboardPolicies.Admin);
        await app.StartAsync(cancellationToken);
        return new SignInHost(app, pool, tokenEndpoint, logs);
    }

    public TestBrowser NewBrowser() => new(_app.GetTestServer());

    /// <summary>
    /// One sign-in as a browser makes it: GET / is challenged to the pool's authorize endpoint; the
    /// pool "authenticates" and sends the browser back to /signin-oidc with a code and the state; the
    /// dashboard redeems the code at the (fake) token endpoint, which answers with the ID token that
    /// <paramref name="issue"/> makes from the nonce the dashboard sent and the access token.
    /// </summary>
    public async Task<SignInAttempt> SignInAsync(Func<string, string, string> issue, CancellationToken cancellationToken)
    {
        var browser = NewBrowser();
        var challenge = await browser.Client.GetAsync("/", cancellationToken);
        var authorize = challenge.Headers.Location;
        if (challenge.StatusCode != System.Net.HttpStatusCode.Redirect || authorize is null)
            throw new InvalidOperationException($"GET / was not challenged: {(int)challenge.StatusCode} {authorize}");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query)
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

        var accessToken = "test-access-" + Guid.NewGuid().ToString("N");
        var code = "test-code-" + Guid.NewGuid().ToString("N");
        var idToken = issue(query["nonce"], accessToken);
        TokenEndpoint.WillIssue(idToken, accessToken);

        var callback = await browser.Client.GetAsync(
            $"{CognitoAuthentication.CallbackPath}?code={code}&state={Uri.EscapeDataString(query["state"])}", cancellationToken);
        return new SignInAttempt(browser, authorize, query, code, idToken, accessToken, callback);
    }

    private static IResult Session(ClaimsPrincipal user) => Results.Json(SessionView.Of(user));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Pool.Dispose();
        TokenEndpoint.Dispose();
    }
}
