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

    [Fact]
    public async Task RunAsync_CredentialReportAndPasswordPolicyDenied_AccountSucceedsWithWarningsAndUnevaluatedRisks()
    {
        // Arrange: the role may read everything in this account but the credential report and the password policy.
        var ct = TestContext.Current.CancellationToken;
        await using var dashboard = await DemoDashboard.StartAsync(findings: 100, accounts: 3, regions: ["us-east-1"]);
        var account = dashboard.StandIn.Data.Organization.Accounts[1].Id;
        dashboard.StandIn.Faults.DenyAction(account, "iam:GenerateCredentialReport");
        dashboard.StandIn.Faults.DenyAction(account, "iam:GetAccountPasswordPolicy");

        // Act
        var run = await SyncAsync(dashboard);

        // Assert: the account is synced, and says what is missing first.
        var target = Assert.Single(run.Targets, t => t.Kind == SyncTargetKinds.Iam && t.AccountId == account);
        Assert.Equal(SyncTargetStatus.Succeeded, target.Status);
        Assert.Equal(
            ["Password policy unavailable: AccessDenied on iam:GetAccountPasswordPolicy.", "Credential report unavailable: AccessDenied on iam:GenerateCredentialReport."],
            target.RejectionSamples.Take(2));
        var iam = dashboard.Services.GetRequiredService<IamQueries>();
        var cached = await iam.GetSnapshotAsync(account, ct);
        Assert.NotNull(cached);
        Assert.NotEmpty(cached.Roles);
        var unevaluated = await iam.GetRisksAsync(new IamRiskFilter { AccountIds = [account], Statuses = [RiskStatus.Error] }, 0, 100, ct);
        Assert.Contains(unevaluated.Rows, r => r.RuleId == "iam_user_access_keys_rotated" && r.Message.Contains("credential report unavailable: AccessDenied on iam:GenerateCredentialReport", StringComparison.Ordinal));
        Assert.Contains(unevaluated.Rows, r => r.RuleId == "iam_password_policy_cis" && r.Message.Contains("password policy unavailable", StringComparison.Ordinal));
        // Unknown is not "no password policy": no failed password-policy result.
        var failed = await iam.GetRisksAsync(new IamRiskFilter { AccountIds = [account], RuleIds = ["iam_password_policy_cis"], Statuses = [RiskStatus.Fail] }, 0, 100, ct);
        Assert.Empty(failed.Rows);
        // ...and the default risks list (what needs attention) does show the gap.
        var attention = await iam.GetRisksAsync(new IamRiskFilter { AccountIds = [account], RuleIds = ["iam_password_policy_cis"] }, 0, 100, ct);
        Assert.Equal(RiskStatus.Error, Assert.Single(attention.Rows).Status);
    }

    [Fact]
    public async Task RunAsync_CredentialReportDeniedAfterAGoodSync_KeepsTheCachedReportAndSaysWhy()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var dashboard = await DemoDashboard.StartAsync(findings: 100, accounts: 3, regions: ["us-east-1"]);
        await SyncAsync(dashboard);
        var account = dashboard.StandIn.Data.Organization.Accounts[1].Id;
        var iam = dashboard.Services.GetRequiredService<IamQueries>();
        var before = (await iam.GetSnapshotAsync(account, ct))!.CredentialReport;
        Assert.NotNull(before);
        dashboard.StandIn.Faults.DenyAction(account, "iam:GetCredentialReport");

        // Act
        var run = await SyncAsync(dashboard);

        // Assert
        var target = Assert.Single(run.Targets, t => t.Kind == SyncTargetKinds.Iam && t.AccountId == account);
        Assert.Equal(SyncTargetStatus.Succeeded, target.Status);
        Assert.StartsWith("Credential report unavailable: AccessDenied on iam:GetCredentialReport; kept the credential report generated", target.RejectionSamples[0], StringComparison.Ordinal);
        var after = await iam.GetSnapshotAsync(account, ct);
        Assert.Equal(before.GeneratedTime, after!.CredentialReport!.GeneratedTime);
        Assert.Empty(after.Gaps);
        var unevaluated = await iam.GetRisksAsync(new IamRiskFilter { AccountIds = [account], Statuses = [RiskStatus.Error], RuleIds = ["iam_user_access_keys_rotated"] }, 0, 100, ct);
        Assert.Empty(unevaluated.Rows);
    }
}
