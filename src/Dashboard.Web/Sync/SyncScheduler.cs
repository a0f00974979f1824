using Cronos;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Sync;

/// <summary>Triggers a sync at each occurrence of <see cref="DashboardOptions.SyncSchedule"/> (UTC).</summary>
public sealed class SyncScheduler(
    ISyncTrigger trigger,
    IOptions<DashboardOptions> options,
    TimeProvider time,
    ILogger<SyncScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SyncSchedule))
        {
            logger.LogInformation("Scheduled sync disabled (Dashboard:SyncSchedule is empty)");
            return;
        }

        // Validated at start-up (DashboardOptionsValidator), so this parses.
        var schedule = CronExpression.Parse(options.Value.SyncSchedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule.GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc);
            if (next is null) return;
            try
            {
                await Task.Delay(next.Value - now.UtcDateTime, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            trigger.TryStart("schedule");
        }
    }
}
