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
        services.TryAddSingleton<CacheWriteGate>();
        services.TryAddSingleton<SyncRunExecutor>();
        services.TryAddSingleton<FindingsSyncService>();
        services.TryAddSingleton<IamAccountSync>();
        services.TryAddSingleton<OrganizationSync>();
        services.TryAddSingleton<DashboardSync>();
        services.AddOptions<Dashboard.Core.Iam.Risks.RiskAnalysisOptions>().BindConfiguration(Dashboard.Core.Iam.Risks.RiskAnalysisOptions.SectionName);
        services.TryAddSingleton<SyncCoordinator>();
        services.TryAddSingleton<ISyncTrigger>(sp => sp.GetRequiredService<SyncCoordinator>());
        if (withScheduler) services.AddHostedService<SyncScheduler>();
        return services;
    }
}
