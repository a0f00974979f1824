using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>A security engineer's first minute: overview → filter the findings → open one.</summary>
public sealed class FindingsJourneyTests : BrowserTest
{
    [Fact]
    public async Task Overview_FilterFindings_OpenDetail_ShowsTheFinding()
    {
        var page = await SignedInPageAsync();

        await GotoInteractiveAsync(page, "/");
        await Assertions.Expect(page.GetByTestId("demo-banner")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("total-active")).Not.ToHaveTextAsync("0");

        await page.GetByRole(AriaRole.Link, new() { Name = "Findings", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/findings**");

        // A shared link with a filter restores it; every row shown is then CRITICAL.
        await GotoInteractiveAsync(page, "/findings?severity=CRITICAL");
        var rows = page.GetByTestId("findings-grid").Locator("tbody tr");
        var firstLink = rows.First.Locator("a").First;
        await Assertions.Expect(firstLink).ToBeVisibleAsync();
        var chips = await rows.Locator(".mud-chip").AllInnerTextsAsync();
        Assert.NotEmpty(chips);
        Assert.All(chips, chip => Assert.Equal("Critical", chip.Trim(), ignoreCase: true));

        // Filtering in the UI writes the filter into the URL, so the view can be shared.
        var title = (await firstLink.InnerTextAsync()).Trim();
        var word = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();
        var search = page.GetByRole(AriaRole.Textbox, new() { Name = "Search title or resource id" });
        await search.FillAsync(word);
        await search.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
        Assert.Contains("severity=CRITICAL", page.Url, StringComparison.Ordinal);
        // The URL changes first, then the grid is rebuilt for the new filter: a click on the old grid's row
        // would land on an element about to be removed, so wait for the grid that shows the search.
        await Assertions.Expect(page.GetByTestId("findings-grid")).ToHaveAttributeAsync("data-filter-url", new System.Text.RegularExpressions.Regex("[?&]q="));
        await Assertions.Expect(rows.Locator("a", new() { HasText = title }).First).ToBeVisibleAsync();

        await rows.Locator("a", new() { HasText = title }).First.ClickAsync();
        await page.WaitForURLAsync("**/findings/detail**");
        await Assertions.Expect(page.GetByTestId("finding-title")).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByTestId("raw-json")).ToContainTextAsync("\"SchemaVersion\"");
    }
}
