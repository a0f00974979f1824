using Dashboard.Aws;
using Dashboard.Core.Sync;
using Dashboard.Web.Sync;
using Dashboard.Web.Tests.Organizations;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Admin;

/// <summary>Accounts an Admin excluded are not synced, whether configured or discovered, and the run can say why.</summary>
public sealed class SyncTargetSourceTests
{
    private static readonly DateTimeOffset Now = SettingsTestHost.Now;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void ThreeAccounts(AwsOptions o)
    {
        o.Regions = ["us-east-1", "eu-west-1"];
        o.Accounts =
        [
            new AwsAccountOptions { AccountId = "111111111111", Name = "prod" },
            new AwsAccountOptions { AccountId = "222222222222", Name = "sandbox" },
            new AwsAccountOptions { AccountId = "333333333333" },
        ];
    }

    [Fact]
    public async Task GetFindingsTargetsAsync_ConfiguredAccountExcluded_SkipsItInEveryRegionAndLogsWhy()
    {
        await using var host = await SettingsTestHost.CreateAsync(aws: ThreeAccounts);
        await host.Store.SetAccountExcludedAsync("222222222222", true, "alice", Now, Ct);

        var targets = await host.Targets.GetFindingsTargetsAsync(Ct);

        Assert.Equal(
            ["111111111111/us-east-1", "111111111111/eu-west-1", "333333333333/us-east-1", "333333333333/eu-west-1"],
            targets.Select(t => $"{t.AccountId}/{t.Region}"));
        Assert.Contains(host.Log.Entries, e => e.Level == LogLevel.Information
            && e.Message.Contains("Skipping account 222222222222: excluded from syncing by an admin setting (alice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetAccountIdsAsync_IncludedAgain_IsSyncedAgain()
    {
        await using var host = await SettingsTestHost.CreateAsync(aws: ThreeAccounts);
        await host.Store.SetAccountExcludedAsync("222222222222", true, "alice", Now, Ct);
        await host.Store.SetAccountExcludedAsync("222222222222", false, "bob", Now, Ct);

        var accounts = await host.Targets.GetAccountIdsAsync(Ct);

        Assert.Equal(["111111111111", "222222222222", "333333333333"], accounts);
    }

    [Fact]
    public async Task GetScopeAsync_DiscoveredAccountExcluded_SkipsItAndListsEveryOrganizationAccount()
    {
        await using var host = await SettingsTestHost.CreateAsync(
            aws: o => o.Regions = ["us-east-1"],
            organizations: o => { o.Enabled = true; o.DiscoverAccounts = true; });
        await host.SaveOrganizationAsync(OrganizationTestData.Guarded());
        await host.Store.SetAccountExcludedAsync(OrganizationTestData.LegacyAccount, true, "alice", Now, Ct);

        var scope = await host.Targets.GetScopeAsync(Ct);
        var accounts = await host.Targets.GetAccountIdsAsync(Ct);

        // The suspended account is listed but not synced (discovery), the legacy one is excluded (the Admin).
        Assert.Equal([OrganizationTestData.Management, OrganizationTestData.Member], accounts.Order());
        Assert.Equal(4, scope.Accounts.Count);
        Assert.All(scope.Accounts, a => Assert.Equal(ScopeAccountSource.Discovered, a.Source));
        var management = scope.Accounts.Single(a => a.AccountId == OrganizationTestData.Management);
        Assert.Equal((true, "ACTIVE", "management"), (management.IsManagement, management.OrganizationStatus, management.Name));
        var suspended = scope.Accounts.Single(a => a.AccountId == OrganizationTestData.Suspended);
        Assert.Equal(("SUSPENDED", false, false), (suspended.OrganizationStatus, suspended.Eligible, suspended.IsExcluded));
        var excluded = Assert.Single(scope.Excluded);
        Assert.Equal((OrganizationTestData.LegacyAccount, "alice"), (excluded.AccountId, excluded.Exclusion!.ExcludedBy));
    }

    [Fact]
    public async Task GetScopeAsync_ExcludedAccountNoLongerConfigured_StaysListedSoItCanBeIncludedAgain()
    {
        await using var host = await SettingsTestHost.CreateAsync(aws: ThreeAccounts);
        await host.Store.SetAccountExcludedAsync("999999999999", true, "alice", Now, Ct);

        var scope = await host.Targets.GetScopeAsync(Ct);

        var stray = scope.Accounts.Single(a => a.AccountId == "999999999999");
        Assert.Equal((ScopeAccountSource.ExcludedOnly, false, true), (stray.Source, stray.Eligible, stray.IsExcluded));
        Assert.Empty(scope.Excluded);
        Assert.DoesNotContain("999999999999", scope.AccountIds);
    }

    [Fact]
    public async Task GetScopeAsync_ConfiguredAccounts_TakeStatusAndManagementFromTheCachedOrganization()
    {
        await using var host = await SettingsTestHost.CreateAsync(aws: o => o.Accounts =
        [
            new AwsAccountOptions { AccountId = OrganizationTestData.Management },
            new AwsAccountOptions { AccountId = OrganizationTestData.Suspended, Name = "old one" },
        ]);
        await host.SaveOrganizationAsync(OrganizationTestData.Guarded());

        var scope = await host.Targets.GetScopeAsync(Ct);

        Assert.Equal(
            [(OrganizationTestData.Management, "management", ScopeAccountSource.Configured, true, "ACTIVE"),
             (OrganizationTestData.Suspended, "old one", ScopeAccountSource.Configured, false, "SUSPENDED")],
            scope.Accounts.Select(a => (a.AccountId, a.Name, a.Source, a.IsManagement, a.OrganizationStatus)));
        // Configured accounts are synced as configured, whatever the organization says.
        Assert.Equal([OrganizationTestData.Management, OrganizationTestData.Suspended], scope.AccountIds);
    }

    [Fact]
    public async Task GetSkippedResultsAsync_ExcludedAccount_SaysItWasSkippedByAnAdminSetting()
    {
        await using var host = await SettingsTestHost.CreateAsync(aws: ThreeAccounts);
        await host.Store.SetAccountExcludedAsync("222222222222", true, "alice", Now, Ct);

        var result = Assert.Single(await host.Targets.GetSkippedResultsAsync(Ct));

        Assert.Equal(("222222222222", SyncScope.SkippedKind, Now), (result.AccountId, result.Kind, result.StartedAt));
        Assert.Equal(SyncTargetStatus.Skipped, result.Status);
        Assert.Equal("Skipped: excluded from syncing by an admin setting (alice, 2024-06-01 12:07 UTC).", result.Error);
    }
}
