using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>The organization tree and the guardrail matrix, with a drill-down to the deciding SCP statement and the OU filter.</summary>
public sealed class OrganizationJourneyTests : BrowserTest
{
    [Fact]
    public async Task Tree_ThenMatrix_CellOpensTheDecidingPolicy()
    {
        var page = await SignedInPageAsync();

        await GotoInteractiveAsync(page, "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Organization", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/organization");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organization" })).ToBeVisibleAsync();
        var nodes = page.GetByTestId("org-tree").GetByTestId("org-node");
        // Retrying assertions: MudTreeView expands its items after the first interactive render, so the
        // count grows for a moment after the root appears (a one-shot CountAsync raced it on CI).
        await Assertions.Expect(nodes.Nth(4)).ToBeAttachedAsync(); // root, OUs and accounts are shown
        await Assertions.Expect(page.GetByTestId("management").First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Guardrails", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/organization/guardrails**");
        var matrix = page.GetByTestId("guardrail-matrix");
        await Assertions.Expect(matrix).ToBeVisibleAsync();
        await Assertions.Expect(matrix.GetByTestId("guardrail-row").Nth(2)).ToBeVisibleAsync();

        var protectedCell = matrix.Locator("[data-testid=guardrail-cell][data-status=Protected]").First;
        await protectedCell.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("guardrail=", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("cell-detail")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("cell-deciders")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("cell-summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\S"));
        // The deciding statement itself, in words (and its JSON for a Deny).
        await Assertions.Expect(page.GetByTestId("decider-sentence").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"(Denies|This level allows|No SCP)"));

        // Filtered by OU: the Suspended OU holds the stand-in's one suspended account.
        await page.GetByTestId("guardrail-ou").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Suspended" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("ou=", StringComparison.Ordinal));
        await Assertions.Expect(matrix.GetByTestId("guardrail-row")).ToHaveCountAsync(1);
        await Assertions.Expect(matrix.GetByTestId("guardrail-row")).ToContainTextAsync("Root / Suspended");
    }
}
