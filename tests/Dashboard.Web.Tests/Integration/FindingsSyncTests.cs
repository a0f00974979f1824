using Dashboard.Core.Findings;
using Dashboard.Core.Sync;
using Dashboard.Data.Database;
using Dashboard.Data.Findings;
using Dashboard.Web.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Integration;

/// <summary>
/// The real sync (signed clients, parser, cache) against the in-process stand-in, as the demo and the
/// `sync` verb run it: paging, the watermark, retries on injected faults, and that a failed
/// account-Region keeps exactly what the cache had.
/// </summary>
public sealed class FindingsSyncTests
{
    private static readonly FindingFilter Everything = new() { IncludeArchived = true };

    private static async Task<SyncRunSummary> SyncAsync(DemoDashboard dashboard)
    {
        var run = await dashboard.Services.GetRequiredService<FindingsSyncService>().RunAsync("test", TestContext.Current.CancellationToken);
        Assert.NotNull(run);
        return run;
    }

    private static Task<FindingPage> QueryAsync(DemoDashboard dashboard, FindingFilter filter, int take = 1)
        => dashboard.Services.GetRequiredService<FindingQueries>().GetPageAsync(filter, 0, take, TestContext.Current.CancellationToken);

    [Fact]
    public async Task RunAsync_FirstSync_StoresEveryFindingTheStandInServes()
    {
        await using var dashboard = await DemoDashboard.StartAsync(findings: 700);

        var run = await SyncAsync(dashboard);

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(3 * 2, run.Targets.Count);
        Assert.All(run.Targets, t => Assert.True(t.FullRefresh));
        Assert.Equal(dashboard.StandIn.Data.Count, run.New);
        Assert.Equal(dashboard.StandIn.Data.Count, (await QueryAsync(dashboard, Everything)).TotalCount);
        // Several pages of at most 100 were read somewhere: paging works through the real client.
        Assert.Contains(run.Targets, t => t.Pages > 1);
    }

    [Fact]
    public async Task RunAsync_SecondSyncWithoutChanges_IsIncrementalAndStoresNothingNew()
    {
        await using var dashboard = await DemoDashboard.StartAsync(findings: 300);
        await SyncAsync(dashboard);

        var second = await SyncAsync(dashboard);

        Assert.Equal(SyncRunStatus.Succeeded, second.Status);
        Assert.All(second.Targets, t => Assert.False(t.FullRefresh));
        Assert.Equal(0, second.New);
        Assert.Equal(0, second.Updated);
    }

    [Fact]
    public async Task RunAsync_AfterFindingsWereUpdated_IncrementalSyncStoresExactlyThose()
    {
        await using var dashboard = await DemoDashboard.StartAsync(findings: 500);
        await SyncAsync(dashboard);
        var touched = dashboard.StandIn.Data.TouchFindings(0.1, DateTimeOffset.UtcNow);

        var run = await SyncAsync(dashboard);

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(touched, run.Updated);
        Assert.Equal(0, run.New);
    }

    [Fact]
    public async Task RunAsync_OneAccountDenied_OthersSyncAndItsCachedFindingsAreKept()
    {
        await using var dashboard = await DemoDashboard.StartAsync(findings: 400);
        await SyncAsync(dashboard);
        var denied = dashboard.StandIn.Data.Organization.Accounts[1].Id;
        var before = await QueryAsync(dashboard, Everything with { AccountIds = [denied] }, take: 1000);
        dashboard.StandIn.Faults.DenyAccount(denied);
        dashboard.StandIn.Data.TouchFindings(0.5, DateTimeOffset.UtcNow);

        var run = await SyncAsync(dashboard);

        Assert.Equal(SyncRunStatus.PartiallySucceeded, run.Status);
        var failed = run.Targets.Where(t => t.Status == SyncTargetStatus.Failed).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, t =>
        {
            Assert.Equal(denied, t.AccountId);
            Assert.StartsWith("AccessDeniedException", t.Error);
        });
        Assert.True(run.Updated > 0, "the other accounts' changes were stored");
        var after = await QueryAsync(dashboard, Everything with { AccountIds = [denied] }, take: 1000);
        Assert.Equal(before.Rows, after.Rows);
    }

    [Fact]
    public async Task RunAsync_ThrottledThenServerError_RetriesAndCountsThem()
    {
        await using var dashboard = await DemoDashboard.StartAsync(findings: 200, accounts: 2);
        var account = dashboard.StandIn.Data.Organization.Accounts[1].Id;
        dashboard.StandIn.Faults.ThrottleNext(1, account);
        dashboard.StandIn.Faults.ServerErrorNext(1, account);

        var run = await SyncAsync(dashboard);

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Targets.Where(t => t.AccountId == account).Sum(t => t.Retries));
        Assert.Equal(dashboard.StandIn.Data.Count, run.New);
    }

    [Fact]
    public async Task RunAsync_MalformedPage_FailsThatTargetAndKeepsItsCache()
    {
        await using var dashboard = await DemoDashboard.StartAsync(findings: 300, accounts: 2);
        await SyncAsync(dashboard);
        var account = dashboard.StandIn.Data.Organization.Accounts[0].Id;
        var before = await QueryAsync(dashboard, Everything with { AccountIds = [account] }, take: 1000);
        dashboard.StandIn.Data.TouchFindings(1.0, DateTimeOffset.UtcNow);
        dashboard.StandIn.Faults.MalformedNextPage(account);

        var run = await SyncAsync(dashboard);

        var failed = Assert.Single(run.Targets, t => t.Status == SyncTargetStatus.Failed);
        Assert.Equal(account, failed.AccountId);
        Assert.StartsWith("Malformed response", failed.Error);
        var kept = await QueryAsync(dashboard, Everything with { AccountIds = [account], Regions = [failed.Region] }, take: 1000);
        Assert.Equal(before.Rows.Where(r => r.Region == failed.Region), kept.Rows);
    }

    [Fact]
    public async Task RunAsync_MalformedFinding_IsRejectedAndTheRestOfItsPageStored()
    {
        await using var dashboard = await DemoDashboard.StartAsync(findings: 200, accounts: 1, regions: ["us-east-1"]);
        dashboard.StandIn.Faults.MalformedFindingInNextPage();

        var run = await SyncAsync(dashboard);

        var target = Assert.Single(run.Targets);
        Assert.Equal(SyncTargetStatus.Succeeded, target.Status);
        Assert.Equal(1, target.Rejected);
        Assert.Single(target.RejectionSamples);
        Assert.Equal(dashboard.StandIn.Data.Count - 1, target.New);
    }

    [Fact]
    public async Task RunAsync_WorkflowChangedWithoutUpdatedAt_FullRefreshPicksItUp()
    {
        // BatchUpdateFindings does not move UpdatedAt: only the periodic full refresh of ACTIVE findings sees it.
        await using var dashboard = await DemoDashboard.StartAsync(
            findings: 300, accounts: 1, regions: ["us-east-1"],
            overrides: new Dictionary<string, string?> { ["Dashboard:FullRefreshInterval"] = "00:00:00.001" });
        await SyncAsync(dashboard);
        var active = dashboard.StandIn.Data.GetSummaries().Where(f => f.RecordState == "ACTIVE" && f.WorkflowStatus != "SUPPRESSED").Take(5).ToList();
        dashboard.StandIn.Data.SetWorkflowStatusWithoutUpdatedAt(active.Select(f => f.Id), "SUPPRESSED");

        var run = await SyncAsync(dashboard);

        var target = Assert.Single(run.Targets);
        Assert.True(target.FullRefresh);
        Assert.Equal(active.Count, target.Updated);
        var suppressed = await QueryAsync(dashboard, Everything with { WorkflowStatuses = ["SUPPRESSED"] }, take: 1000);
        Assert.All(active, f => Assert.Contains(suppressed.Rows, r => r.Id == f.Id));
    }

    [Fact]
    public async Task RunAsync_DashboardWorkflowChangeAcknowledgedAfterThePageWasRequested_KeepsItAndStoresLaterReads()
    {
        // Arrange: two cached findings get a dashboard change the stand-in does not show. For the first, the
        // change's acknowledgement time lies after this sync's page requests: its read may predate the change
        // (the race). For the second it lies before them: the read saw AWS's current state, which wins.
        await using var dashboard = await DemoDashboard.StartAsync(
            findings: 200, accounts: 1, regions: ["us-east-1"],
            overrides: new Dictionary<string, string?> { ["Dashboard:FullRefreshInterval"] = "00:00:00.001" });
        await SyncAsync(dashboard);
        var picked = dashboard.StandIn.Data.GetSummaries().Where(f => f.RecordState == "ACTIVE" && f.WorkflowStatus != "SUPPRESSED").Take(2).ToList();
        var details = new List<FindingDetail>();
        foreach (var f in picked)
            details.Add((await dashboard.Services.GetRequiredService<FindingQueries>().GetDetailAsync(f.Id, f.ProductArn, TestContext.Current.CancellationToken))!);
        var now = DateTimeOffset.UtcNow;
        // The store directly, as FindingWorkflowService would after Security Hub accepted the change.
        var workflow = new FindingWorkflowStore(dashboard.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>(), NullLogger<FindingWorkflowStore>.Instance);
        await workflow.ApplyAsync(
        [
            new FindingWorkflowChange(new FindingKey(picked[0].Id, picked[0].ProductArn), details[0].Row.AwsAccountId, "us-east-1", "SUPPRESSED", "Accepted", "demo-analyst", now.AddHours(1)),
            new FindingWorkflowChange(new FindingKey(picked[1].Id, picked[1].ProductArn), details[1].Row.AwsAccountId, "us-east-1", "SUPPRESSED", "Accepted", "demo-analyst", now.AddMinutes(-1)),
        ], TestContext.Current.CancellationToken);

        // Act
        var run = await SyncAsync(dashboard);

        // Assert
        var target = Assert.Single(run.Targets);
        Assert.True(target.FullRefresh);
        Assert.Equal(1, target.Updated);
        var suppressed = await QueryAsync(dashboard, Everything with { WorkflowStatuses = ["SUPPRESSED"] }, take: 1000);
        Assert.Contains(suppressed.Rows, r => r.Id == picked[0].Id);
        Assert.DoesNotContain(suppressed.Rows, r => r.Id == picked[1].Id);
        Assert.Equal(details[1].RawJson, (await dashboard.Services.GetRequiredService<FindingQueries>().GetDetailAsync(picked[1].Id, picked[1].ProductArn, TestContext.Current.CancellationToken))!.RawJson);
    }
}
