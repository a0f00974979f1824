namespace Dashboard.Web.Sync;

/// <summary>
/// Starts syncs in the background for the UI and the scheduler, so a request never waits for AWS.
/// Runs stop with the application.
/// </summary>
public sealed class SyncCoordinator(
    DashboardSync sync,
    IHostApplicationLifetime lifetime,
    ILogger<SyncCoordinator> logger) : ISyncTrigger
{
    public bool TryStart(string trigger)
    {
        if (sync.IsRunning)
        {
            logger.LogInformation("Sync requested ({Trigger}) while one is running: ignored", trigger);
            return false;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await sync.RunAsync(trigger, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Sync run ({Trigger}) failed", trigger);
            }
        });
        return true;
    }
}
