using Dashboard.Data.Database;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Applies EF Core migrations when the server starts, before it takes requests (hosted services start
/// before Kestrel), so a fresh data folder and an upgraded binary both just work.
/// </summary>
public sealed class DatabaseMigrationService(IServiceProvider services, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DatabaseMigrator.MigrateAsync(services, cancellationToken);
        logger.LogInformation("The SQLite cache is up to date");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
