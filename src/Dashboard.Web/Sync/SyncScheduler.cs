using Dashboard.Web.Settings;

namespace Dashboard.Web.Sync;

/// <summary>
/// Triggers a sync at each occurrence of the sync schedule (UTC): the one an Admin stored, else
/// <c>Dashboard:SyncSchedule</c>. The schedule and the pause switch are re-read before every wait and
/// again when a run falls due, and a settings change wakes the loop at once, so a change applies without
/// a restart. A paused or switched-off schedule triggers nothing; "Sync now" is not affected.
/// </summary>
public sealed class SyncScheduler(
    ISyncTrigger trigger,
    SyncSchedulePlanner planner,
    SettingsChangeNotifier changes,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SyncScheduler> logger) : BackgroundService
{
    /// <summary>The longest wait between two reads: a change made outside this process (a second instance) applies within it.</summary>
    internal static readonly TimeSpan RecheckInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(15);

    /// <summary>What to do now, and which occurrence to wait for next.</summary>
    internal sealed record Step(bool RunNow, string? SkippedBecause, DateTimeOffset? Next);

    /// <summary>
    /// The planning function: <paramref name="pending"/> is the occurrence the loop waited for. When it
    /// is due, the plan read now decides (paused or changed since: skipped); then the next occurrence after
    /// <paramref name="now"/>, none when the schedule is off or paused.
    /// </summary>
    internal static Step Plan(SyncSchedulePlan plan, DateTimeOffset? pending, DateTimeOffset now)
    {
        var runNow = false;
        string? skipped = null;
        if (pending is { } due && now >= due)
        {
            runNow = plan.RunsAt(due);
            if (!runNow) skipped = plan.WhyNotRunning ?? "the schedule changed";
        }
        return new Step(runNow, skipped, plan.NextRunAfter(now));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The schedule is in the database: start once the host is up, after the migrations ran.
        if (!await WaitForStartAsync(stoppingToken)) return;

        DateTimeOffset? pending = null;
        string? described = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before the read, so a change saved while reading still wakes the wait below.
            var changed = changes.NextChange;
            TimeSpan wait;
            try
            {
                var plan = await planner.GetPlanAsync(stoppingToken);
                failures = 0;
                var now = time.GetUtcNow();
                var step = Plan(plan, pending, now);
                if (step.RunNow)
                {
                    logger.LogInformation("Scheduled sync due at {Due:u}", pending);
                    trigger.TryStart("schedule");
                }
                else if (step.SkippedBecause is { } reason)
                {
                    logger.LogInformation("Scheduled sync due at {Due:u} skipped: {Reason}", pending, reason);
                }
                pending = step.Next;
                var description = plan.Describe();
                if (description != described)
                {
                    logger.LogInformation("Sync schedule: {Schedule}", description);
                    described = description;
                }
                wait = step.Next is { } next && next - now < RecheckInterval ? next - now : RecheckInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                wait = TimeSpan.FromTicks(Math.Min(RecheckInterval.Ticks << Math.Min(failures - 1, 4), MaxBackoff.Ticks));
                logger.LogError(ex, "Could not read the sync schedule; trying again in {Wait}", wait);
            }
            await WaitAsync(wait, changed, stoppingToken);
        }
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Until the wait is over, the settings change, or the host stops; never throws.</summary>
    private async Task WaitAsync(TimeSpan wait, Task changed, CancellationToken stoppingToken)
    {
        if (wait <= TimeSpan.Zero) return;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(wait, time, cancel.Token);
        await Task.WhenAny(delay, changed);
        // Woken by a change: stop the timer rather than leave it to run out.
        await cancel.CancelAsync();
    }
}
