using Dashboard.Data;
using Dashboard.Data.Database;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// Services for a test host: the log captured, a fixed clock, the cache on a migrated temp SQLite file and
/// the real authorization policies, plus what the host adds. Deletes its database on dispose.
/// </summary>
internal sealed class TempDashboardServices : IAsyncDisposable
{
    private readonly string _databasePath;

    private TempDashboardServices(string databasePath, ServiceProvider provider, WorkflowLog log)
    {
        _databasePath = databasePath;
        Provider = provider;
        Log = log;
    }

    public ServiceProvider Provider { get; }
    public WorkflowLog Log { get; }

    public static async Task<TempDashboardServices> CreateAsync(string name, DateTimeOffset now, Action<IServiceCollection> configure)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dashboard-{name}-test-{Guid.NewGuid():N}.db");
        var log = new WorkflowLog();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(now));
        services.AddDashboardData(path);
        services.AddAuthorizationBuilder().AddDashboardPolicies();
        configure(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var host = new TempDashboardServices(path, provider, log);
        await DatabaseMigrator.MigrateAsync(provider, TestContext.Current.CancellationToken);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_databasePath + suffix); } catch (IOException) { }
        }
    }
}
