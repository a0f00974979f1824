using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>A demo dashboard on a real socket and a headless Chromium, per test class.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private DashboardServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _cspViolations = new();

    public async ValueTask InitializeAsync()
    {
        _server = await DashboardServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
        GC.SuppressFinalize(this);
        // The Content-Security-Policy must hold for everything the journeys touched: Chromium reports
        // each blocked script, style or connection on the console.
        Assert.True(_cspViolations.IsEmpty, "Content-Security-Policy violations: " + string.Join(" | ", _cspViolations));
    }

    /// <summary>A new browser context signed in through the demo's stand-in User Pool, as a person would.</summary>
    protected async Task<IPage> SignedInPageAsync(string username = "demo-admin")
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/oauth2/authorize", StringComparison.Ordinal));
        await page.GetByTestId("demo-user-" + username).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(_server.BaseUrl.ToString(), StringComparison.Ordinal) && !url.Contains("signin-oidc", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync(username);
        return page;
    }

    /// <summary>A page in a new browser context (its own cookies): a new visitor.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = _server.BaseUrl.ToString() });
        return await NewTabAsync(context);
    }

    /// <summary>Another tab of the same browser: it shares the first one's cookies.</summary>
    protected async Task<IPage> NewTabAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        // Expect() has its own 5 s default; a loaded CI machine can take longer to render a page.
        Assertions.SetDefaultExpectTimeout(30_000);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) _cspViolations.Enqueue(message.Text);
        };
        return page;
    }

    /// <summary>Opens a page and waits until its Blazor circuit is interactive, so clicks are not lost.</summary>
    protected static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();
    }
}
