using Dashboard.Data.Database;
using Dashboard.Data.Findings;
using Dashboard.Data.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Data.Tests.Support;

/// <summary>A migrated SQLite file of its own, deleted (with its WAL files) on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly ServiceProvider _services;

    private TestDatabase(string folder, string path)
    {
        _folder = folder;
        Path = path;
        _services = new ServiceCollection().AddLogging().AddDashboardData(path).BuildServiceProvider();
    }

    public string Path { get; }
    public IServiceProvider Services => _services;
    public FindingStore Store => _services.GetRequiredService<FindingStore>();
    public FindingQueries Queries => _services.GetRequiredService<FindingQueries>();
    public SyncRunStore Runs => _services.GetRequiredService<SyncRunStore>();
    public IDbContextFactory<DashboardDbContext> Factory => _services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();

    /// <summary>A database file in a new temp folder; migrated unless <paramref name="migrate"/> is false.</summary>
    public static async Task<TestDatabase> CreateAsync(bool migrate = true, string fileName = "cache.db")
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dashboard-data-tests", Guid.NewGuid().ToString("N"));
        var db = new TestDatabase(folder, System.IO.Path.Combine(folder, fileName));
        if (migrate) await DatabaseMigrator.MigrateAsync(db.Services, TestContext.Current.CancellationToken);
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
