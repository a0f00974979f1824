using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Data.Database;

/// <summary>Applies the EF Core migrations (from the Dashboard.Migrations assembly) at start and for the <c>migrate</c> verb.</summary>
public static class DatabaseMigrator
{
    public static Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
        => MigrateAsync(services.GetRequiredService<IDbContextFactory<DashboardDbContext>>(), ct);

    public static async Task MigrateAsync(IDbContextFactory<DashboardDbContext> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        // SQLite creates the file but not its folder.
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync(ct);
    }
}
