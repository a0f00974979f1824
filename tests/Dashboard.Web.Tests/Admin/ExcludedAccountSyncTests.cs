using Dashboard.Core.Sync;
using Dashboard.Data.Organizations;
using Dashboard.Data.Settings;
using Dashboard.Web.Sync;
using Dashboard.Web.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Admin;

/// <summary>The full sync in demo mode with an account an Admin excluded: not read, and the run says why.</summary>
public sealed class ExcludedAccountSyncTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_DiscoveredAccountExcluded_SkipsItsFindingsAndIamAndRecordsWhy()
    {
        await using var dashboard = await DemoDashboard.StartAsync(findings: 100, accounts: 3, regions: ["us-east-1"]);
        var sync = dashboard.Services.GetRequiredService<DashboardSync>();
        await sync.RunAsync("test", Ct);
        var org = (await dashboard.Services.GetRequiredService<OrganizationQueries>().GetLatestAsync(Ct))!.Snapshot;
        var excluded = org.DiscoverAccounts().First(a => !a.IsManagement).AccountId;
        await dashboard.Services.GetRequiredService<SettingsStore>().SetAccountExcludedAsync(excluded, true, "alice", DateTimeOffset.UtcNow, Ct);

        var run = await sync.RunAsync("test", Ct);

        Assert.NotNull(run);
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        var skipped = Assert.Single(run.Targets, t => t.AccountId == excluded);
        Assert.Equal((SyncScope.SkippedKind, SyncTargetStatus.Skipped), (skipped.Kind, skipped.Status));
        Assert.StartsWith("Skipped: excluded from syncing by an admin setting (alice", skipped.Error);
        var others = org.DiscoverAccounts().Select(a => a.AccountId).Where(a => a != excluded).Order().ToList();
        Assert.Equal(others, run.Targets.Where(t => t.Kind == SyncTargetKinds.Findings).Select(t => t.AccountId).Order());
        Assert.Equal(others, run.Targets.Where(t => t.Kind == SyncTargetKinds.Iam).Select(t => t.AccountId).Order());
    }
}
