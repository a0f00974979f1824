using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>Roles as a person meets them in the demo, and a session ended in one tab stopping the other.</summary>
public sealed class SessionJourneyTests : BrowserTest
{
    [Fact]
    public async Task Viewer_SeesNoActionsAbovetheRole_AndSignOutElsewhereEndsTheOpenTab()
    {
        var page = await SignedInPageAsync("demo-viewer");
        await Assertions.Expect(page.GetByTestId("user-role")).ToHaveTextAsync("Viewer");

        await GotoInteractiveAsync(page, "/findings");
        await Assertions.Expect(page.GetByTestId("findings-grid")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("export-csv")).ToHaveCountAsync(0);
        await GotoInteractiveAsync(page, "/sync");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sync" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sync-now")).ToHaveCountAsync(0);

        // A second tab of the same browser signs out; the first tab's live circuit must stop showing data.
        var other = await NewTabAsync(page.Context);
        await GotoInteractiveAsync(other, "/");
        await other.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(other.GetByTestId("signed-out")).ToBeVisibleAsync();

        await Assertions.Expect(page.GetByTestId("session-ended")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sync-runs")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Outsider_InNoMappedGroup_SeesNoAccess()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/");
        await page.GetByTestId("demo-user-demo-outsider").ClickAsync();

        await Assertions.Expect(page.GetByTestId("no-access")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("no-access-user")).ToHaveTextAsync("demo-outsider");
        await Assertions.Expect(page.GetByTestId("findings-grid")).ToHaveCountAsync(0);
    }
}
