using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>A demo dashboard on a real socket and a headless Chromium, per test class.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private DashboardServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

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
    }

    protected async Task<IPage> NewPageAsync()
    {
        var page = await _browser.NewPageAsync(new() { BaseURL = _server.BaseUrl.ToString() });
        page.SetDefaultTimeout(30_000);
        // Expect() has its own 5 s default; a loaded CI machine can take longer to render a page.
        Assertions.SetDefaultExpectTimeout(30_000);
        return page;
    }

    /// <summary>Opens a page and waits until its Blazor circuit is interactive, so clicks are not lost.</summary>
    protected static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await Assertions.Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();
    }
}
