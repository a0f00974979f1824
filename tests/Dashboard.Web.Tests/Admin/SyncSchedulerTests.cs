using Dashboard.Data.Settings;
using Dashboard.Web.Hosting;
using Dashboard.Web.Settings;
using Dashboard.Web.Sync;

namespace Dashboard.Web.Tests.Admin;

/// <summary>The scheduler's planning: which schedule is in force, when it runs next, and what a due run does when paused or changed.</summary>
public sealed class SyncSchedulerTests
{
    private static readonly DateTimeOffset Now = SettingsTestHost.Now; // 12:07 UTC
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset At(int hour, int minute) => new(Now.Year, Now.Month, Now.Day, hour, minute, 0, TimeSpan.Zero);

    private static SyncSchedulePlan Plan(string cron, bool paused = false) => new(cron, ScheduleSource.Stored)
    {
        Pause = paused ? new StoredSetting("true", "bob", Now) : null,
    };

    [Fact]
    public async Task GetPlanAsync_NothingStored_UsesTheConfiguredSchedule()
    {
        await using var host = await SettingsTestHost.CreateAsync(dashboard: new DashboardOptions { SyncSchedule = "*/30 * * * *" });

        var plan = await host.Planner.GetPlanAsync(Ct);

        Assert.Equal(("*/30 * * * *", ScheduleSource.Configuration, false), (plan.Cron, plan.Source, plan.IsPaused));
        Assert.Equal(At(12, 30), SyncScheduler.Plan(plan, null, Now).Next);
    }

    [Fact]
    public async Task GetPlanAsync_StoredSchedule_WinsOverConfigurationAndIsReadAgainEachTime()
    {
        await using var host = await SettingsTestHost.CreateAsync(dashboard: new DashboardOptions { SyncSchedule = "*/30 * * * *" });

        await host.Store.SetSyncScheduleAsync("0 */6 * * *", "alice", Now, Ct);
        var stored = await host.Planner.GetPlanAsync(Ct);
        await host.Store.SetSyncScheduleAsync(null, "alice", Now, Ct);
        var reset = await host.Planner.GetPlanAsync(Ct);

        Assert.Equal(("0 */6 * * *", ScheduleSource.Stored, "alice"), (stored.Cron, stored.Source, stored.StoredBy!.ChangedBy));
        Assert.Equal(At(18, 0), SyncScheduler.Plan(stored, null, Now).Next);
        Assert.Equal(("*/30 * * * *", ScheduleSource.Configuration), (reset.Cron, reset.Source));
    }

    [Fact]
    public async Task GetPlanAsync_StoredOff_PlansNothingEvenWithAConfiguredSchedule()
    {
        await using var host = await SettingsTestHost.CreateAsync(dashboard: new DashboardOptions { SyncSchedule = "*/30 * * * *" });
        await host.Store.SetSyncScheduleAsync("", "alice", Now, Ct);

        var plan = await host.Planner.GetPlanAsync(Ct);

        Assert.True(plan.IsOff);
        Assert.Null(SyncScheduler.Plan(plan, null, Now).Next);
        Assert.Equal("an Admin turned the schedule off", plan.WhyNotRunning);
    }

    [Fact]
    public async Task GetPlanAsync_Paused_PlansNothingUntilResumed()
    {
        await using var host = await SettingsTestHost.CreateAsync(dashboard: new DashboardOptions { SyncSchedule = "*/30 * * * *" });
        await host.Store.SetSyncPausedAsync(true, "bob", Now, Ct);

        var paused = await host.Planner.GetPlanAsync(Ct);
        await host.Store.SetSyncPausedAsync(false, "bob", Now, Ct);
        var resumed = await host.Planner.GetPlanAsync(Ct);

        Assert.Null(SyncScheduler.Plan(paused, null, Now).Next);
        Assert.Contains("paused (bob", paused.WhyNotRunning);
        // Paused keeps showing what would run once resumed.
        Assert.Equal([At(12, 30), At(13, 0), At(13, 30)], paused.Upcoming(Now, 3));
        Assert.Equal(At(12, 30), SyncScheduler.Plan(resumed, null, Now).Next);
    }

    [Fact]
    public void Plan_DueOccurrence_RunsAndPlansTheNext()
    {
        var step = SyncScheduler.Plan(Plan("*/30 * * * *"), At(12, 30), At(12, 30));

        Assert.True(step.RunNow);
        Assert.Null(step.SkippedBecause);
        Assert.Equal(At(13, 0), step.Next);
    }

    [Fact]
    public void Plan_NotYetDue_WaitsForTheSameOccurrence()
    {
        var step = SyncScheduler.Plan(Plan("*/30 * * * *"), At(12, 30), At(12, 29));

        Assert.False(step.RunNow);
        Assert.Null(step.SkippedBecause);
        Assert.Equal(At(12, 30), step.Next);
    }

    [Fact]
    public void Plan_PausedWhileWaiting_SkipsTheDueRunAndPlansNothing()
    {
        var step = SyncScheduler.Plan(Plan("*/30 * * * *", paused: true), At(12, 30), At(12, 30));

        Assert.False(step.RunNow);
        Assert.Contains("paused", step.SkippedBecause);
        Assert.Null(step.Next);
    }

    [Fact]
    public void Plan_ScheduleChangedWhileWaiting_SkipsTheOldOccurrenceAndFollowsTheNewSchedule()
    {
        var step = SyncScheduler.Plan(Plan("0 */6 * * *"), At(12, 30), At(12, 30));

        Assert.False(step.RunNow);
        Assert.Equal("the schedule changed", step.SkippedBecause);
        Assert.Equal(At(18, 0), step.Next);
    }

    [Fact]
    public void Plan_LateWake_RunsOnceAndPlansAfterNow()
    {
        // The host was suspended past several occurrences: one catch-up run, not one per missed occurrence.
        var step = SyncScheduler.Plan(Plan("*/30 * * * *"), At(12, 30), At(14, 10));

        Assert.True(step.RunNow);
        Assert.Equal(At(14, 30), step.Next);
    }

    [Fact]
    public void For_UnusableStoredSchedule_FallsBackToConfigurationAndSaysSo()
    {
        var planner = new SyncSchedulePlanner(null!, Microsoft.Extensions.Options.Options.Create(new DashboardOptions { SyncSchedule = "0 * * * *" }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SyncSchedulePlanner>.Instance);

        var plan = planner.For(new StoredSettings(new StoredSetting("hand edited", "sqlite3", Now), null, []));

        Assert.Equal(("0 * * * *", ScheduleSource.Configuration), (plan.Cron, plan.Source));
        Assert.Contains("cannot be used", plan.Problem);
    }
}
