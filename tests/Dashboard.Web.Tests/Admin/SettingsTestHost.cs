using System.Security.Claims;
using Dashboard.Aws;
using Dashboard.Aws.Organizations;
using Dashboard.Data;
using Dashboard.Data.Database;
using Dashboard.Data.Organizations;
using Dashboard.Data.Settings;
using Dashboard.Web.Hosting;
using Dashboard.Web.Security;
using Dashboard.Web.Settings;
using Dashboard.Web.Sync;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Tests.Workflow;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Admin;

/// <summary>
/// The settings services with their real dependencies: the real policies, the store on a migrated temp
/// SQLite file, the change notifier, options as a test sets them. Captures the log. Deletes its database on dispose.
/// </summary>
internal sealed class SettingsTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 7, 0, TimeSpan.Zero);

    private readonly string _databasePath;
    private readonly ServiceProvider _services;

    private SettingsTestHost(string databasePath, ServiceProvider services, WorkflowLog log)
    {
        _databasePath = databasePath;
        _services = services;
        Log = log;
    }

    public WorkflowLog Log { get; }
    public IServiceProvider Services => _services;
    public AdminSettingsService Service => _services.GetRequiredService<AdminSettingsService>();
    public SettingsStore Store => _services.GetRequiredService<SettingsStore>();
    public SyncTargetSource Targets => _services.GetRequiredService<SyncTargetSource>();
    public SyncSchedulePlanner Planner => _services.GetRequiredService<SyncSchedulePlanner>();
    public SettingsChangeNotifier Changes => _services.GetRequiredService<SettingsChangeNotifier>();

    public static async Task<SettingsTestHost> CreateAsync(
        Action<AwsOptions>? aws = null,
        Action<OrganizationsOptions>? organizations = null,
        DashboardOptions? dashboard = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dashboard-settings-test-{Guid.NewGuid():N}.db");
        var log = new WorkflowLog();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        services.AddDashboardData(path);
        services.AddAuthorizationBuilder().AddDashboardPolicies();
        services.AddSingleton<ActionAuthorizer>();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(dashboard ?? new DashboardOptions()));
        services.Configure<AwsOptions>(o => aws?.Invoke(o));
        services.Configure<OrganizationsOptions>(o => organizations?.Invoke(o));
        services.AddDashboardAdmin();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var host = new SettingsTestHost(path, provider, log);
        await DatabaseMigrator.MigrateAsync(provider, TestContext.Current.CancellationToken);
        return host;
    }

    public static ClaimsPrincipal User(string name, string role) => TestAuthenticationStateProvider.SignedIn(name, role);

    public Task SaveOrganizationAsync(Dashboard.Core.Organizations.OrganizationSnapshot snapshot)
        => _services.GetRequiredService<OrganizationStore>().SaveAsync(snapshot, Now.AddHours(-1), "import", null, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_databasePath + suffix); } catch (IOException) { }
        }
    }
}
