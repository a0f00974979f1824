using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>
/// The IAM views as a security engineer walks them: a risk rule → its results → the principal → "who can" →
/// one principal's explained decision → the organization-wide trust edges; then the real paths behind a
/// cross-account edge and a Region re-check next to the answer as asked.
/// </summary>
public sealed partial class IamJourneyTests : BrowserTest
{
    [Fact]
    public async Task RiskToPrincipal_WhoCanToExplanation_OrganizationWideTrust()
    {
        var page = await SignedInPageAsync();

        await GotoInteractiveAsync(page, "/iam");
        var accountLink = page.GetByTestId("iam-accounts").Locator("tbody tr a").First;
        await Assertions.Expect(accountLink).ToHaveTextAsync(AccountId());
        var account = (await accountLink.InnerTextAsync()).Trim();

        // The principals grid sorts on the server from a column header, into the URL.
        await page.GetByTestId("sort-risks").ClickAsync();
        await page.WaitForURLAsync("**/iam?sort=risks&dir=desc");
        await Assertions.Expect(page.GetByTestId("sort-risks")).ToHaveAttributeAsync("data-sorted", "desc");
        await Assertions.Expect(page.GetByTestId("principals-grid").Locator("tbody a[href^='/iam/principal']").First).ToBeVisibleAsync();

        // A rule of the risks summary opens exactly its results, under why the rule matters; a result opens its principal.
        await page.GetByTestId("risk-rules").Locator("tbody a").First.ClickAsync();
        await page.WaitForURLAsync("**/iam/risks?rule=**");
        await Assertions.Expect(page.GetByTestId("rule-why")).ToContainTextAsync(new Regex(@"Why it matters\s*\S"));
        await page.GetByTestId("sort-resource").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("sort=resource", StringComparison.Ordinal) && url.Contains("rule=", StringComparison.Ordinal));
        // The URL changes first, then the grid is rebuilt sorted: wait for the new grid before clicking one of its rows.
        await Assertions.Expect(page.GetByTestId("sort-resource")).ToHaveAttributeAsync("data-sorted", new Regex("^(asc|desc)$"));
        var principalLink = page.GetByTestId("risks-grid").Locator("tbody a[href^='/iam/principal']").First;
        await Assertions.Expect(principalLink).ToBeVisibleAsync();
        await principalLink.ClickAsync();
        await page.WaitForURLAsync("**/iam/principal?account=**");
        await Assertions.Expect(page.GetByTestId("principal-name")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("risk-details")).ToBeVisibleAsync();

        // Who in the account can create access keys; each row explains its own decision.
        await GotoInteractiveAsync(page, $"/iam/can?account={account}&action=iam%3ACreateAccessKey&tab=who");
        var explain = page.GetByTestId("who-explain").First;
        await Assertions.Expect(explain).ToBeVisibleAsync();
        await explain.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("principal=", StringComparison.Ordinal) && !url.Contains("tab=who", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("can-result").GetByTestId("decision-chip")).ToHaveTextAsync(new Regex(@"\S"));
        await Assertions.Expect(page.GetByTestId("can-summary")).ToHaveTextAsync(new Regex(@"\S"));

        // With several accounts cached, the trust view opens on every account's cross-account edges.
        await GotoInteractiveAsync(page, "/iam/trust");
        await Assertions.Expect(page.GetByTestId("trust-counts")).ToHaveTextAsync(new Regex(@"^\s*Roles of \d+ accounts"));
        await Assertions.Expect(page.GetByTestId("trust-edges").Locator("tbody tr").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CrossAccountEdge_ShowsRealPaths_RegionRecheckShowsBothAnswers()
    {
        var page = await SignedInPageAsync();

        // The management account may assume OrganizationAccountAccessRole in log-archive: the edge says who there really can.
        await GotoInteractiveAsync(page, "/iam/trust");
        var edge = page.GetByTestId("trust-edges").Locator("tbody tr").Filter(new() { HasText = "log-archive" }).Filter(new() { HasText = "OrganizationAccountAccessRole" }).First;
        await Assertions.Expect(edge.GetByTestId("trust-paths-summary")).ToHaveTextAsync(new Regex(@"^\s*\d+ principals? of \d{12} can assume it"));
        await Assertions.Expect(edge.GetByTestId("trust-paths").Locator("a[href^='/iam/principal']").First).ToBeVisibleAsync();
        var account = (await edge.Locator("td").First.Locator("a").InnerTextAsync()).Trim();
        Assert.Matches(AccountId(), account);

        // A re-check in a Region shows the definite answer under the answer as asked (this small demo's security
        // accounts have no Region SCP, so both are definite here; the offer itself is covered by the component tests).
        var role = $"arn:aws:iam::{account}:role/OrganizationAccountAccessRole";
        await GotoInteractiveAsync(page, $"/iam/can?account={account}&principal={Uri.EscapeDataString(role)}&action=ec2%3ADescribeInstances&region=eu-west-1");
        await Assertions.Expect(page.GetByTestId("region-result").GetByTestId("decision-chip")).ToHaveTextAsync("Allowed");
        await Assertions.Expect(page.GetByTestId("region-heading")).ToContainTextAsync("aws:RequestedRegion=eu-west-1");
        await Assertions.Expect(page.GetByTestId("can-result").GetByTestId("decision-chip")).ToHaveTextAsync(new Regex(@"\S"));
        await page.GetByTestId("region-clear").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("action=", StringComparison.Ordinal) && !url.Contains("region=", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("region-result")).ToHaveCountAsync(0);

        await GotoInteractiveAsync(page, $"/iam/principal?account={account}&arn={Uri.EscapeDataString(role)}&region=eu-west-1");
        await Assertions.Expect(page.GetByTestId("region-rechecked")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("all-services-region")).ToContainTextAsync("In eu-west-1");
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();
}
