using Dashboard.Data.Settings;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Settings;

/// <summary>Reads the schedule in force: the stored one (an Admin's), else <c>Dashboard:SyncSchedule</c>.</summary>
public sealed class SyncSchedulePlanner(SettingsStore store, IOptions<DashboardOptions> options, ILogger<SyncSchedulePlanner> logger)
{
    public async Task<SyncSchedulePlan> GetPlanAsync(CancellationToken ct)
        => For(await store.GetAsync(ct));

    public SyncSchedulePlan For(StoredSettings stored)
    {
        var configured = SyncScheduleRules.Normalize(options.Value.SyncSchedule);
        if (stored.SyncSchedule is not { } schedule)
            return new SyncSchedulePlan(configured, ScheduleSource.Configuration) { Pause = stored.SyncPaused };

        var cron = SyncScheduleRules.Normalize(schedule.Value);
        if (cron.Length > 0 && !SyncScheduleRules.TryParse(cron, out _, out var error))
        {
            // The store refuses such values; a hand-edited row must not stop the schedule altogether.
            logger.LogError("The stored sync schedule cannot be used ({Error}); Dashboard:SyncSchedule applies", error);
            return new SyncSchedulePlan(configured, ScheduleSource.Configuration)
            {
                Pause = stored.SyncPaused,
                Problem = $"The stored schedule cannot be used ({error}); Dashboard:SyncSchedule applies. Save a valid schedule to fix it.",
            };
        }
        return new SyncSchedulePlan(cron, ScheduleSource.Stored) { StoredBy = schedule, Pause = stored.SyncPaused };
    }
}
