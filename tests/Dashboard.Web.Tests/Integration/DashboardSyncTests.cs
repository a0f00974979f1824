using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Sync;
using Dashboard.Data.Iam;
using Dashboard.Data.Organizations;
using Dashboard.Web.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Integration;

/// <summary>The full sync as "Sync now" runs it in demo mode: organization, then findings and IAM of the discovered accounts.</summary>
public sealed class DashboardSyncTests
{
    private static async Task<SyncRunSummary> SyncAsync(DemoDashboard dashboard)
    {
        var run = await dashboard.Services.GetRequiredService<DashboardSync>().RunAsync("test", TestContext.Current.CancellationToken);
        Assert.NotNull(run);
        return run;
    }

    [Fact]
    public async Task RunAsync_Demo_ReadsTheOrganizationThenFindingsAndIamOfItsActiveAccounts()
    {
        await using var dashboard = await DemoDashboard.StartAsync(findings: 300, accounts: 4, regions: ["us-east-1"]);

        var run = await SyncAsync(dashboard);

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        var organization = Assert.Single(run.Targets, t => t.Kind == SyncTargetKinds.Organization);
        Assert.Equal(SyncTargetStatus.Succeeded, organization.Status);
        var cached = await dashboard.Services.GetRequiredService<OrganizationQueries>().GetLatestAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(cached);
        var active = cached.Snapshot.DiscoverAccounts().Select(a => a.AccountId).Order().ToList();
        // Discovery skips the suspended account; every ACTIVE account gets its findings and its IAM read.
        Assert.True(active.Count < cached.Snapshot.Accounts.Count, "the stand-in's organization has a suspended account");
        Assert.Equal(active, run.Targets.Where(t => t.Kind == SyncTargetKinds.Findings).Select(t => t.AccountId).Order());
        Assert.Equal(active, run.Targets.Where(t => t.Kind == SyncTargetKinds.Iam).Select(t => t.AccountId).Order());

        var iam = dashboard.Services.GetRequiredService<IamQueries>();
        var accounts = await iam.GetAccountsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(active, accounts.Select(a => a.AccountId).Order());
        var escalations = await iam.GetRisksAsync(new IamRiskFilter { RuleIds = ["iam_principal_no_privilege_escalation"] }, 0, 100, TestContext.Current.CancellationToken);
        Assert.NotEmpty(escalations.Rows);
        Assert.All(escalations.Rows, r => Assert.NotEmpty(r.Items));
    }

    [Fact]
    public async Task RunAsync_IamDeniedInOneAccount_KeepsItsCachedIamAndSyncsTheOthers()
    {
        await using var dashboard = await DemoDashboard.StartAsync(findings: 200, accounts: 3, regions: ["us-east-1"]);
        await SyncAsync(dashboard);
        var iam = dashboard.Services.GetRequiredService<IamQueries>();
        var denied = dashboard.StandIn.Data.Organization.Accounts[1].Id;
        var before = await iam.GetAccountsAsync(TestContext.Current.CancellationToken);
        dashboard.StandIn.Faults.DenyAccount(denied);

        var run = await SyncAsync(dashboard);

        Assert.Equal(SyncRunStatus.PartiallySucceeded, run.Status);
        var failedIam = Assert.Single(run.Targets, t => t.Kind == SyncTargetKinds.Iam && t.Status == SyncTargetStatus.Failed);
        Assert.Equal(denied, failedIam.AccountId);
        Assert.StartsWith("AccessDenied", failedIam.Error);
        var after = await iam.GetAccountsAsync(TestContext.Current.CancellationToken);
        var kept = after.Single(a => a.AccountId == denied);
        var previous = before.Single(a => a.AccountId == denied);
        Assert.Equal((previous.CollectedAt, previous.SyncRunId, previous.Users, previous.Roles, previous.FailedRisks),
                     (kept.CollectedAt, kept.SyncRunId, kept.Users, kept.Roles, kept.FailedRisks));
        Assert.Contains(run.Targets, t => t.Kind == SyncTargetKinds.Iam && t.Status == SyncTargetStatus.Succeeded);
    }
}
