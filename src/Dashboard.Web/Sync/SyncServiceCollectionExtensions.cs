using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>The findings sync, its background trigger, progress notifier and (optionally) the cron scheduler.</summary>
    public static IServiceCollection AddDashboardSync(this IServiceCollection services, bool withScheduler)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncProgressNotifier>();
        services.TryAddSingleton<SyncTargetSource>();
        services.TryAddSingleton<FindingsSyncService>();
        services.TryAddSingleton<SyncCoordinator>();
        services.TryAddSingleton<ISyncTrigger>(sp => sp.GetRequiredService<SyncCoordinator>());
        if (withScheduler) services.AddHostedService<SyncScheduler>();
        return services;
    }
}
