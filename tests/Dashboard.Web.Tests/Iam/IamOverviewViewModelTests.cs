using Dashboard.Core.Findings;
using Dashboard.Data.Iam;
using Dashboard.Web.Iam;

namespace Dashboard.Web.Tests.Iam;

public sealed class IamOverviewViewModelTests
{
    [Fact]
    public void Build_ExampleRisks_CountsBySeverityMostSevereFirstWithFilteredLinks()
    {
        // Arrange
        var counts = IamTestData.Counts(IamTestData.Risks);
        var accounts = new[] { IamTestData.AccountRow(IamTestData.Example) };

        // Act
        var model = IamOverviewViewModel.Build(accounts, counts, [IamTestData.AccountId]);

        // Assert
        Assert.Equal(counts.Sum(c => c.Count), model.TotalRisks);
        Assert.Equal(model.BySeverity.OrderByDescending(s => s.Severity).Select(s => s.Severity), model.BySeverity.Select(s => s.Severity));
        var first = model.BySeverity[0];
        Assert.Equal($"/iam/risks?account={IamTestData.AccountId}&severity={first.Severity}", first.Href);
        var escalation = Assert.Single(model.ByRule, r => r.RuleId == "iam_principal_no_privilege_escalation");
        Assert.Equal($"/iam/risks?account={IamTestData.AccountId}&rule=iam_principal_no_privilege_escalation", escalation.Href);
        Assert.Equal("Privilege escalation", escalation.Category);
        Assert.Equal($"/iam/risks?account={IamTestData.AccountId}", model.AllRisksHref);
    }

    [Fact]
    public void Build_Accounts_SortedWithTheirLinksAndSelection()
    {
        // Arrange
        var rows = new[]
        {
            new IamAccountRow("222222222222", IamTestData.Now, null, "sync", 1, 2, 3, 4, 1, ["credential report not ready"]),
            new IamAccountRow("111111111111", IamTestData.Now, 5, "import", 0, 0, 0, 0, 0, []),
        };

        // Act
        var model = IamOverviewViewModel.Build(rows, [], ["222222222222"]);

        // Assert
        Assert.Equal(["111111111111", "222222222222"], model.AccountIds);
        var selected = model.Accounts[1];
        Assert.True(selected.IsSelected);
        Assert.Equal("/iam?account=222222222222", selected.FilterHref);
        Assert.Equal("/iam/trust?account=222222222222", selected.TrustHref);
        Assert.Equal("/iam/can?account=222222222222", selected.CanHref);
        Assert.Equal(["credential report not ready"], selected.Warnings);
        Assert.Empty(model.ByRule);
        Assert.Equal(0, model.TotalRisks);
    }

    [Fact]
    public void Build_ZeroCounts_LeftOut()
    {
        // Arrange
        var counts = new[] { new IamRiskCount("rule_a", "A", Severity.High, Dashboard.Core.Iam.Risks.RiskCategory.Trust, 0, 0) };

        // Act
        var model = IamOverviewViewModel.Build([], counts, []);

        // Assert
        Assert.Empty(model.ByRule);
        Assert.Empty(model.BySeverity);
    }

    [Fact]
    public void Build_AccountWithFailingRisks_LinksToExactlyThoseResults()
    {
        // Arrange: the cache's FailedRisks counts results with status Fail.
        var rows = new[] { new IamAccountRow("222222222222", IamTestData.Now, 3, "sync", 1, 2, 3, 4, 17, []) };

        // Act
        var account = Assert.Single(IamOverviewViewModel.Build(rows, [], []).Accounts);

        // Assert
        Assert.Equal(17, account.FailingRisks);
        Assert.Equal("/iam/risks?account=222222222222&status=Fail", account.FailingRisksHref);
    }
}
