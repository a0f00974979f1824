using System.Security.Cryptography;
using Microsoft.Playwright;

namespace Dashboard.Browser.Tests.OidcProvider;

/// <summary>
/// One Cognito-like third-party provider, one dashboard signing in against it, and one headless
/// Chromium, shared by the tests of a class (each test gets its own browser context, so its own cookies).
/// </summary>
public sealed class ThirdPartySignInFixture : IAsyncLifetime
{
    // Shaped like a Cognito app client id; the secret is new every run and never printed.
    public const string ClientId = "4b2q7mqd1kctl0s3ofb6ah1d9e";
    private readonly string _clientSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    private OidcProviderProcess? _provider;
    private DashboardServer? _dashboard;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Set when node or the npm packages are missing outside CI: the tests then skip.</summary>
    public string? SkipReason { get; private set; }

    public OidcProviderProcess Provider => _provider ?? throw new InvalidOperationException("Not started.");
    public DashboardServer Dashboard => _dashboard ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        SkipReason = OidcProviderProcess.CannotRunReason();
        if (SkipReason is not null) return;

        var ct = TestContext.Current.CancellationToken;
        try
        {
            // The provider first: the dashboard needs its issuer; the provider then learns the
            // dashboard's callback URLs, which contain the port Kestrel picked.
            _provider = await OidcProviderProcess.StartAsync(ClientId, _clientSecret, ct);
            // Configured like a real User Pool, so demo mode starts no user pool of its own. Plain http is
            // fine for a provider on loopback only.
            _dashboard = await DashboardServer.StartAsync(new Dictionary<string, string?>
            {
                ["Cognito:Authority"] = _provider.Issuer,
                ["Cognito:Domain"] = _provider.Issuer,
                ["Cognito:ClientId"] = ClientId,
                ["Cognito:ClientSecret"] = _clientSecret,
                ["Cognito:RequireHttpsMetadata"] = "false",
            }, ct);
            await _provider.RegisterClientAsync(new Uri(_dashboard.BaseUrl, "signin-oidc"), new Uri(_dashboard.BaseUrl, "signed-out"), ct);

            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A fresh browser context (no cookies from other tests) with a page on the dashboard.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await (_browser ?? throw new InvalidOperationException("Not started.")).NewContextAsync(new() { BaseURL = Dashboard.BaseUrl.ToString() });
        // Only the dashboard and the provider, both on loopback: nothing may leave the machine.
        await context.RouteAsync(url => !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback), route => route.AbortAsync());
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        // Expect() has its own 5 s default; a loaded CI machine can take longer to render a page.
        Assertions.SetDefaultExpectTimeout(30_000);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        // Idempotent: also called when start-up failed half-way.
        if (_browser is not null) await _browser.DisposeAsync();
        _browser = null;
        _playwright?.Dispose();
        _playwright = null;
        if (_dashboard is not null) await _dashboard.DisposeAsync();
        _dashboard = null;
        if (_provider is not null) await _provider.DisposeAsync();
        _provider = null;
    }
}
