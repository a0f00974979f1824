using Dashboard.Core.Findings;
using Dashboard.Data;
using Dashboard.Data.Database;
using Dashboard.Data.Findings;
using Dashboard.Web.Findings.Workflow;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Workflow;

/// <summary>
/// The workflow service with its real dependencies (policies, cache on a migrated temp SQLite file,
/// store, write gate) and a fake Security Hub gateway. Deletes its database on dispose.
/// </summary>
internal sealed class WorkflowTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _databasePath;
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private WorkflowTestHost(string databasePath, ServiceProvider services, FakeWorkflowGateway gateway, WorkflowLog log)
    {
        _databasePath = databasePath;
        _services = services;
        _scope = services.CreateAsyncScope();
        Gateway = gateway;
        Log = log;
    }

    public FakeWorkflowGateway Gateway { get; }
    public WorkflowLog Log { get; }
    public FindingWorkflowService Service => _scope.ServiceProvider.GetRequiredService<FindingWorkflowService>();
    public FindingQueries Findings => _services.GetRequiredService<FindingQueries>();
    public FindingWorkflowQueries Workflow => _services.GetRequiredService<FindingWorkflowQueries>();
    public FixedTimeProvider Clock => (FixedTimeProvider)_services.GetRequiredService<TimeProvider>();

    public static async Task<WorkflowTestHost> CreateAsync(params FindingRecord[] seed)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dashboard-workflow-test-{Guid.NewGuid():N}.db");
        var gateway = new FakeWorkflowGateway();
        var log = new WorkflowLog();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(log).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        services.AddDashboardData(path);
        services.AddAuthorizationBuilder().AddDashboardPolicies();
        services.AddSingleton<IWorkflowUpdateGateway>(gateway);
        services.AddFindingWorkflow();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var host = new WorkflowTestHost(path, provider, gateway, log);
        await DatabaseMigrator.MigrateAsync(provider, TestContext.Current.CancellationToken);
        if (seed.Length > 0) await provider.GetRequiredService<FindingStore>().UpsertAsync(seed, TestContext.Current.CancellationToken);
        return host;
    }

    public async Task<FindingDetail> DetailAsync(FindingRecord finding)
        => (await Findings.GetDetailAsync(finding.Id, finding.ProductArn, TestContext.Current.CancellationToken))!;

    public static FindingKey Key(FindingRecord finding) => new(finding.Id, finding.ProductArn);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_databasePath + suffix); } catch (IOException) { }
        }
    }
}
