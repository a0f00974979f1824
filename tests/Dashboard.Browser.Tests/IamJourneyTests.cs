using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>
/// The IAM views as a security engineer walks them: a risk rule → its results → the principal → "who can" →
/// one principal's explained decision → the organization-wide trust edges.
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

        // A rule of the risks summary opens exactly its results; a result opens its principal.
        await page.GetByTestId("risk-rules").Locator("tbody a").First.ClickAsync();
        await page.WaitForURLAsync("**/iam/risks?rule=**");
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

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();
}
