using Dashboard.Data.Sync;
using Dashboard.Web.Sync;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

/// <summary>Once the server is up: a first sync in demo mode, or when the cache has never been synced.</summary>
public sealed class StartupSync(
    IHostApplicationLifetime lifetime,
    ISyncTrigger trigger,
    SyncRunStore runs,
    IOptions<DashboardOptions> options,
    ILogger<StartupSync> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                var last = await runs.GetLastRunAsync(lifetime.ApplicationStopping);
                if (options.Value.Demo || last is null) trigger.TryStart("startup");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not start the first sync");
            }
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
