using Dashboard.Aws;
using Dashboard.Data.Database;
using Dashboard.Data.Findings;
using Dashboard.StandIn;
using Dashboard.Web.Hosting;
using Dashboard.Web.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Benchmarks.Running;

/// <summary>
/// The dashboard's own services in demo mode, as the `sync` verb builds them: the in-process stand-in
/// with a generated organization, the real signed AWS clients pointed at it, and a fresh SQLite cache.
/// </summary>
internal sealed class DemoCache : IAsyncDisposable
{
    public const int Accounts = 12;
    public const int Seed = 42;

    private readonly DashboardApp _app;

    private DemoCache(DashboardApp app) => _app = app;

    public IServiceProvider Services => _app.Services;
    public StandInServer StandIn => _app.StandIn ?? throw new InvalidOperationException("Demo mode did not start the stand-in.");
    public string DatabasePath => DataDirectory.DatabasePath(_app.DataDirectoryPath);
    public FindingsSyncService Sync => Services.GetRequiredService<FindingsSyncService>();
    public FindingQueries Queries => Services.GetRequiredService<FindingQueries>();
    public FindingStore Store => Services.GetRequiredService<FindingStore>();
    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();
    public AwsOptions Aws => Services.GetRequiredService<IOptions<AwsOptions>>().Value;

    /// <summary>Builds the services over <paramref name="findings"/> generated findings and migrates an empty cache in <paramref name="dataDirectory"/>.</summary>
    public static async Task<DemoCache> StartAsync(int findings, string dataDirectory, CancellationToken ct)
    {
        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
            throw new InvalidOperationException($"The cache folder {dataDirectory} is not empty; the benchmark needs a fresh cache.");

        var settings = new Dictionary<string, string?>
        {
            ["Dashboard:Demo"] = "true",
            ["Dashboard:SyncSchedule"] = "",
            ["StandIn:Findings"] = findings.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StandIn:Accounts"] = Accounts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["StandIn:Seed"] = Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The configuration validator's ceiling (100 per account-Region, burst likewise). Security Hub
            // itself allows 3/s, burst 6: at that rate 1M findings would take 10,000 pages / (36 × 3/s) ≈ 93 s
            // of pure waiting at best, so the benchmark measures the code, not AWS's throttle.
            ["Aws:FindingsRequestsPerSecond"] = "100",
            ["Aws:FindingsBurst"] = "100",
            // The shipped default (appsettings.json), stated so the benchmark does not depend on that file.
            ["Aws:MaxConcurrency"] = "4",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        var app = await DashboardApp.BuildAsync(
            [], dataDirectory, forWeb: false,
            configure: builder => builder.Configuration.AddInMemoryCollection(settings),
            ct);
        try
        {
            await DatabaseMigrator.MigrateAsync(app.Services, ct);
            return new DemoCache(app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        // Pooled connections keep the file open; close them so the folder can be deleted.
        SqliteConnection.ClearAllPools();
    }
}
