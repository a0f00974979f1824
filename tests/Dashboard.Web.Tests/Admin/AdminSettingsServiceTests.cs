using Dashboard.Data.Settings;
using Dashboard.Web.Security;
using Dashboard.Web.Settings;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Admin;

/// <summary>Every change goes through the Admin policy on the server; refusals are logged and change nothing.</summary>
public sealed class AdminSettingsServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each mutating call, so the refusal is tested for all of them.</summary>
    public static TheoryData<string> Changes => ["schedule", "off", "reset", "pause", "exclude"];

    private static Task<SettingsUpdateResult> Change(AdminSettingsService service, System.Security.Claims.ClaimsPrincipal user, string change) => change switch
    {
        "schedule" => service.SetScheduleAsync(user, "0 * * * *", Ct),
        "off" => service.SetScheduleAsync(user, "", Ct),
        "reset" => service.ResetScheduleAsync(user, Ct),
        "pause" => service.SetPausedAsync(user, true, Ct),
        "exclude" => service.SetAccountExcludedAsync(user, "123456789012", true, Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_Viewer_IsRefusedLoggedAndChangesNothing(string change)
        => await AssertRefusedAsync("demo-viewer", DashboardRoles.Viewer, change);

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_Analyst_IsRefusedLoggedAndChangesNothing(string change)
        => await AssertRefusedAsync("demo-analyst", DashboardRoles.Analyst, change);

    private static async Task AssertRefusedAsync(string name, string role, string change)
    {
        await using var host = await SettingsTestHost.CreateAsync();
        // A stored schedule, so "reset" would have something to remove.
        await host.Store.SetSyncScheduleAsync("0 */2 * * *", "demo-admin", SettingsTestHost.Now, Ct);
        var before = await host.Store.GetAsync(Ct);
        var signal = host.Changes.NextChange;

        var result = await Change(host.Service, SettingsTestHost.User(name, role), change);

        Assert.Equal(SettingsUpdateOutcome.Forbidden, result.Outcome);
        Assert.Equal(AdminSettingsService.ForbiddenMessage, result.Message);
        Assert.Equivalent(before, await host.Store.GetAsync(Ct), strict: true);
        Assert.Single(await host.Store.GetHistoryAsync(10, Ct));
        Assert.False(signal.IsCompleted);
        Assert.Contains(host.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Refused ", StringComparison.Ordinal)
            && e.Message.Contains(name, StringComparison.Ordinal) && e.Message.Contains(DashboardPolicies.Admin, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Change_SignedOut_IsRefused()
    {
        await using var host = await SettingsTestHost.CreateAsync();

        var result = await host.Service.SetPausedAsync(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()), true, Ct);

        Assert.Equal(SettingsUpdateOutcome.Forbidden, result.Outcome);
        Assert.False((await host.Store.GetAsync(Ct)).IsPaused);
    }

    [Fact]
    public async Task Change_Admin_IsSavedAuditedUnderTheirNameAndAnnounced()
    {
        await using var host = await SettingsTestHost.CreateAsync();
        var admin = SettingsTestHost.User("alice", DashboardRoles.Admin);
        var signal = host.Changes.NextChange;

        var schedule = await host.Service.SetScheduleAsync(admin, " 0  */4 * * * ", Ct);
        var pause = await host.Service.SetPausedAsync(admin, true, Ct);
        var exclude = await host.Service.SetAccountExcludedAsync(admin, "123456789012", true, Ct);

        Assert.All([schedule, pause, exclude], r => Assert.Equal(SettingsUpdateOutcome.Saved, r.Outcome));
        Assert.Equal("Sync schedule set to \"0 */4 * * *\" (UTC).", schedule.Message);
        var stored = await host.Store.GetAsync(Ct);
        Assert.Equal(new StoredSetting("0 */4 * * *", "alice", SettingsTestHost.Now), stored.SyncSchedule);
        Assert.True(stored.IsPaused);
        Assert.Equal("alice", Assert.Single(stored.ExcludedAccounts).ExcludedBy);
        Assert.All(await host.Store.GetHistoryAsync(10, Ct), c => Assert.Equal(("alice", SettingsTestHost.Now), (c.ChangedBy, c.ChangedAt)));
        Assert.True(signal.IsCompleted);
        Assert.Contains(host.Log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("alice changed a setting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResetScheduleAsync_Admin_ConfigurationAppliesAgain()
    {
        await using var host = await SettingsTestHost.CreateAsync();
        var admin = SettingsTestHost.User("alice", DashboardRoles.Admin);
        await host.Service.SetScheduleAsync(admin, "", Ct);

        var result = await host.Service.ResetScheduleAsync(admin, Ct);

        Assert.Equal(SettingsUpdateOutcome.Saved, result.Outcome);
        Assert.Null((await host.Store.GetAsync(Ct)).SyncSchedule);
        Assert.Equal(SettingsUpdateOutcome.Unchanged, (await host.Service.ResetScheduleAsync(admin, Ct)).Outcome);
    }

    [Theory]
    [InlineData("every hour", "is not a cron expression")]
    [InlineData("* * * * *", "more often than every 5 minutes")]
    public async Task SetScheduleAsync_BadCron_IsInvalidWithAClearMessageAndNothingStored(string cron, string expected)
    {
        await using var host = await SettingsTestHost.CreateAsync();

        var result = await host.Service.SetScheduleAsync(SettingsTestHost.User("alice", DashboardRoles.Admin), cron, Ct);

        Assert.Equal(SettingsUpdateOutcome.Invalid, result.Outcome);
        Assert.Contains(expected, result.Message);
        Assert.Null((await host.Store.GetAsync(Ct)).SyncSchedule);
        Assert.Empty(await host.Store.GetHistoryAsync(10, Ct));
    }

    [Fact]
    public async Task SetAccountExcludedAsync_NotAnAccountId_IsInvalid()
    {
        await using var host = await SettingsTestHost.CreateAsync();

        var result = await host.Service.SetAccountExcludedAsync(SettingsTestHost.User("alice", DashboardRoles.Admin), "<script>", true, Ct);

        Assert.Equal(SettingsUpdateOutcome.Invalid, result.Outcome);
        Assert.Empty((await host.Store.GetAsync(Ct)).ExcludedAccounts);
    }

    [Fact]
    public async Task SetPausedAsync_AlreadyPaused_IsUnchangedAndNotAnnounced()
    {
        await using var host = await SettingsTestHost.CreateAsync();
        var admin = SettingsTestHost.User("alice", DashboardRoles.Admin);
        await host.Service.SetPausedAsync(admin, true, Ct);
        var signal = host.Changes.NextChange;

        var result = await host.Service.SetPausedAsync(admin, true, Ct);

        Assert.Equal(SettingsUpdateOutcome.Unchanged, result.Outcome);
        Assert.False(signal.IsCompleted);
        Assert.Single(await host.Store.GetHistoryAsync(10, Ct));
    }
}
