using Dashboard.Core.Sync;
using Dashboard.Data.Organizations;
using Dashboard.Web.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Integration;

/// <summary>An organization read that fails keeps the last good tree: pages, SCPs and account discovery go on using it.</summary>
public sealed class OrganizationSyncFailureTests
{
    [Fact]
    public async Task RunAsync_OrganizationReadDenied_RecordsTheFailureAndKeepsTheLastGoodTree()
    {
        // Arrange: one good sync, then Organizations refuses the management account's calls.
        await using var dashboard = await DemoDashboard.StartAsync(findings: 100, accounts: 4, regions: ["us-east-1"]);
        var sync = dashboard.Services.GetRequiredService<DashboardSync>();
        var queries = dashboard.Services.GetRequiredService<OrganizationQueries>();
        var ct = TestContext.Current.CancellationToken;
        await sync.RunAsync("test", ct);
        var good = await queries.GetLatestAsync(ct);
        dashboard.StandIn.Faults.DenyAccount(dashboard.StandIn.Data.Organization.ManagementAccountId);

        // Act
        var run = await sync.RunAsync("test", ct);

        // Assert
        Assert.NotNull(good);
        var organization = Assert.Single(run!.Targets, t => t.Kind == SyncTargetKinds.Organization);
        Assert.Equal(SyncTargetStatus.Failed, organization.Status);
        Assert.Contains("AccessDenied", organization.Error, StringComparison.Ordinal);
        var kept = await queries.GetLatestAsync(ct);
        Assert.Equal((good.CollectedAt, good.SyncRunId, good.Snapshot.Accounts.Count), (kept!.CollectedAt, kept.SyncRunId, kept.Snapshot.Accounts.Count));
        // Discovery still visits the ACTIVE accounts of the kept tree.
        Assert.Equal(
            good.Snapshot.DiscoverAccounts().Select(a => a.AccountId).Order(),
            run.Targets.Where(t => t.Kind == SyncTargetKinds.Iam).Select(t => t.AccountId).Order());
    }
}
