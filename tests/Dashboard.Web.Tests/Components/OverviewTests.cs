using Bunit;
using Dashboard.Core.Findings;
using Dashboard.Core.Sync;
using Dashboard.Data.Findings;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Findings;

using TestContext = Xunit.TestContext;

namespace Dashboard.Web.Tests.Components;

public sealed class OverviewTests : DashboardComponentTest
{
    [Fact]
    public void Build_UnorderedCounts_OrdersSeverityMostSevereFirstAndLinksEachSlice()
    {
        var overview = new FindingsOverview(
            TotalActive: 6,
            BySeverity: [new("LOW", 1), new("CRITICAL", 2), new("HIGH", 3)],
            ByAccount: [new("111111111111", 2), new("222222222222", 4)],
            ByRegion: [new("us-east-1", 6)],
            ByProduct: [new("GuardDuty", 6)],
            ByComplianceStatus: [new("FAILED", 4), new("", 2)],
            ByWorkflowStatus: [new("NEW", 6)],
            TopFailingControls: [new("IAM.6", "Hardware MFA should be enabled for the root user", 3, 2)]);

        var model = OverviewViewModel.Build(overview, lastSync: null);

        Assert.Equal(["Critical", "High", "Low"], model.BySeverity.Slices.Select(s => s.Label));
        Assert.Equal("/findings?severity=CRITICAL", model.BySeverity.Slices[0].Href);
        var accounts = model.Breakdowns.Single(b => b.TestId == "by-account").Slices;
        Assert.Equal(["222222222222", "111111111111"], accounts.Select(s => s.Label));
        Assert.Equal("/findings?account=222222222222", accounts[0].Href);
        var compliance = model.Breakdowns.Single(b => b.TestId == "by-compliance").Slices;
        Assert.Equal(OverviewViewModel.NoValueLabel, compliance[1].Label);
        Assert.Null(compliance[1].Href);
        var control = Assert.Single(model.TopFailingControls);
        Assert.Equal("/findings?compliance=FAILED&control=IAM.6", control.Href);
    }

    [Fact]
    public async Task Render_SeededCache_ShowsTotalsBreakdownsControlsAndLastSync()
    {
        await SeedAsync(
            TestFindings.Record("o-1", "Root MFA", Severity.Critical, account: "111111111111", controlId: "IAM.6"),
            TestFindings.Record("o-2", "Root MFA (other account)", Severity.Critical, account: "222222222222", controlId: "IAM.6",
                resourceId: "arn:aws:iam::222222222222:root"),
            TestFindings.Record("o-3", "Bucket ok", Severity.Low, controlId: "S3.1", compliance: "PASSED"),
            TestFindings.Record("o-archived", "Archived", Severity.High, recordState: "ARCHIVED"));
        var runId = await SyncRuns.StartRunAsync("startup", Clock.GetUtcNow().AddMinutes(-5), TestContext.Current.CancellationToken);
        await SyncRuns.FinishRunAsync(runId, SyncRunStatus.Succeeded, Clock.GetUtcNow().AddMinutes(-4), null, TestContext.Current.CancellationToken);

        var cut = RenderAt<OverviewPage>("/");

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find("[data-testid=total-active]").TextContent.Trim()));
        var severityLinks = cut.FindAll("[data-testid=by-severity] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            ["/findings?severity=CRITICAL", "/findings?severity=HIGH", "/findings?severity=MEDIUM", "/findings?severity=LOW", "/findings?severity=INFORMATIONAL"],
            severityLinks);
        Assert.Contains("Critical: 2", cut.Markup);
        var controlLink = cut.Find("[data-testid=top-failing-controls] a");
        Assert.Equal("IAM.6", controlLink.TextContent);
        Assert.Equal("/findings?compliance=FAILED&control=IAM.6", controlLink.GetAttribute("href"));
        Assert.Contains("2", cut.Find("[data-testid=top-failing-controls] tbody tr").TextContent);
        var lastSync = cut.Find("[data-testid=last-sync]").TextContent;
        Assert.Contains("Succeeded", lastSync);
        Assert.Contains("1m 0s", lastSync);
    }

    [Fact]
    public void Render_EmptyCache_SaysNoSyncAndNoFindings()
    {
        var cut = RenderAt<OverviewPage>("/");

        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=total-active]").TextContent.Trim()));
        Assert.Contains("No sync has run yet.", cut.Find("[data-testid=last-sync]").TextContent);
        Assert.Contains("No failed control checks.", cut.Find("[data-testid=top-failing-controls]").TextContent);
    }
}
