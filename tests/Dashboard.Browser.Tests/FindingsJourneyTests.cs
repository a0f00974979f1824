using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>A security engineer's first minute: overview → filter the findings → open one.</summary>
public sealed class FindingsJourneyTests : IAsyncLifetime
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
    }

    [Fact]
    public async Task Overview_FilterFindings_OpenDetail_ShowsTheFinding()
    {
        var page = await _browser.NewPageAsync(new() { BaseURL = _server.BaseUrl.ToString() });
        page.SetDefaultTimeout(30_000);

        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText("Demo data").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();

        // Filter by severity through the URL the page itself writes (shareable links), then through the UI.
        await page.GetByRole(AriaRole.Link, new() { Name = "Findings" }).First.ClickAsync();
        await page.WaitForURLAsync("**/findings**");
        await page.GotoAsync("/findings?severity=CRITICAL");
        var rows = page.Locator("table tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var severities = await page.Locator("table tbody tr .severity-chip").AllInnerTextsAsync();
        Assert.NotEmpty(severities);
        Assert.All(severities, s => Assert.Equal("CRITICAL", s.Trim(), ignoreCase: true));

        var firstTitle = (await rows.First.Locator("a").First.InnerTextAsync()).Trim();
        await rows.First.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync("**/findings/detail**");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = firstTitle }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Raw JSON").First).ToBeVisibleAsync();
    }
}
