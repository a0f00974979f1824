using Dashboard.Data.Database;
using Dashboard.Data.Findings;
using Dashboard.Data.Iam;
using Dashboard.Data.Organizations;
using Dashboard.Data.Settings;
using Dashboard.Data.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the cache: SQLite at <paramref name="databasePath"/>, and the stores and queries (findings, sync runs, IAM, Organizations, settings).</summary>
    public static IServiceCollection AddDashboardData(this IServiceCollection services, string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        services.AddDbContextFactory<DashboardDbContext>(options => options.UseDashboardSqlite(databasePath));
        services.TryAddSingleton<FindingStore>();
        services.TryAddSingleton<FindingQueries>();
        services.TryAddSingleton<SyncRunStore>();
        services.TryAddSingleton<IamStore>();
        services.TryAddSingleton<IamQueries>();
        services.TryAddSingleton<OrganizationStore>();
        services.TryAddSingleton<OrganizationQueries>();
        services.TryAddSingleton<SettingsStore>();
        return services;
    }

    /// <summary>The one place the provider is configured; the design-time factory and tests use it too.</summary>
    public static DbContextOptionsBuilder UseDashboardSqlite(this DbContextOptionsBuilder options, string databasePath)
        => options
            .UseSqlite(
                new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString(),
                sqlite => sqlite.MigrationsAssembly("Dashboard.Migrations"))
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            .AddInterceptors(new SqlitePragmaInterceptor());
}
