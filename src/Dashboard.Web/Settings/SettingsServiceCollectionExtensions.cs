using Dashboard.Web.Sync;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// What the sync needs to honour Admin settings (the schedule in force, the change signal), for the
    /// web app and the command-line verbs alike. The store itself comes with AddDashboardData.
    /// </summary>
    public static IServiceCollection AddDashboardSettings(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SettingsChangeNotifier>();
        services.TryAddSingleton<SyncSchedulePlanner>();
        return services;
    }

    /// <summary>The Admin page and the service behind its changes (web only: it needs the authorization services).</summary>
    public static IServiceCollection AddDashboardAdmin(this IServiceCollection services)
    {
        services.AddDashboardSettings();
        services.TryAddSingleton<SyncTargetSource>();
        services.TryAddSingleton<AdminSettingsService>();
        services.TryAddSingleton<EffectiveConfiguration>();
        services.TryAddSingleton<AdminPageLoader>();
        return services;
    }
}
