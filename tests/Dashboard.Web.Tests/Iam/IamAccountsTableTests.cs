using Bunit;
using Dashboard.Data.Iam;
using Dashboard.Web.Components.Iam;
using Dashboard.Web.Iam;

namespace Dashboard.Web.Tests.Iam;

public sealed class IamAccountsTableTests : IamUiTest
{
    [Fact]
    public void Table_FailingRisksAndWarnings_FailingCountLinksToThemAndWarningsStandApart()
    {
        // Arrange
        var rows = new[]
        {
            new IamAccountRow("222222222222", IamTestData.Now, 3, "sync", 1, 2, 3, 4, 17, ["credential report not ready"]),
            new IamAccountRow("111111111111", IamTestData.Now, 3, "sync", 1, 2, 3, 4, 0, []),
        };
        var accounts = IamOverviewViewModel.Build(rows, [], []).Accounts;

        // Act
        var cut = Render<IamAccountsTable>(p => p.Add(t => t.Accounts, accounts));

        // Assert: failing results are not described as rules that "could not be evaluated".
        var failing = cut.FindAll("[data-testid=account-failing]");
        Assert.Equal("0", failing[0].TextContent.Trim());
        Assert.Equal("17", failing[1].QuerySelector("a")!.TextContent.Trim());
        Assert.Equal("/iam/risks?account=222222222222&status=Fail", failing[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("credential report not ready", cut.FindAll("[data-testid=account-warnings]")[1].TextContent.Trim());
        Assert.DoesNotContain("could not be evaluated", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_OrganizationLoaded_ShowsEachAccountsNameEncodedUnderItsId()
    {
        // Arrange: names come from the organization (AWS lets an account name hold markup characters).
        var rows = new[]
        {
            new IamAccountRow("111111111111", IamTestData.Now, 3, "sync", 1, 2, 3, 4, 0, []),
            new IamAccountRow("222222222222", IamTestData.Now, 3, "sync", 1, 2, 3, 4, 0, []),
        };
        var names = new Dictionary<string, string> { ["111111111111"] = "prod-<web>" };
        var accounts = IamOverviewViewModel.Build(rows, [], [], names).Accounts;

        // Act
        var cut = Render<IamAccountsTable>(p => p.Add(t => t.Accounts, accounts));

        // Assert: the unnamed account shows its id alone.
        var name = Assert.Single(cut.FindAll("[data-testid=account-name]"));
        Assert.Equal("prod-<web>", name.TextContent);
        Assert.Contains("prod-&lt;web&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void RiskSummary_Rendered_HeadersSayTheCountsAreChecksNotMet()
    {
        // Arrange
        var model = IamOverviewViewModel.Build([IamTestData.AccountRow(IamTestData.Example)], IamTestData.Counts(IamTestData.Risks), []);

        // Act
        var cut = Render<RiskSummaryCard>(p => p.Add(t => t.Model, model));

        // Assert
        var headers = cut.FindAll("[data-testid=risk-rules] thead th").Select(th => th.TextContent).ToList();
        Assert.Equal(["Severity", "Check", "Category", "Not met", "Accounts"], headers);
        Assert.Contains("desired state", cut.Find("[data-testid=risk-rules-note]").TextContent, StringComparison.Ordinal);
    }
}
