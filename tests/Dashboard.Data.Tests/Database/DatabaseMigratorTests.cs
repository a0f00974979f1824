using Dashboard.Data.Database;
using Dashboard.Data.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Tests.Database;

public sealed class DatabaseMigratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_EmptyFileInMissingFolder_CreatesSchemaInWalMode()
    {
        await using var db = await TestDatabase.CreateAsync(migrate: false, fileName: Path.Combine("nested", "deeper", "cache.db"));

        await DatabaseMigrator.MigrateAsync(db.Services, Ct);

        Assert.True(File.Exists(db.Path));
        await using var connection = new SqliteConnection($"Data Source={db.Path}");
        await connection.OpenAsync(Ct);
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("8192", await ScalarAsync(connection, "PRAGMA page_size"));
        var tables = await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Superset(
            new HashSet<string> { "Findings", "FindingJson", "FindingCounts", "ControlFailureCounts", "SyncRuns", "SyncRunTargets", "SyncWatermarks" },
            tables.ToHashSet());
        // The summary tables are read as one range scan each.
        Assert.Equal("2", await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE sql LIKE '%WITHOUT ROWID%'"));
    }

    [Fact]
    public async Task MigrateAsync_TwiceOnTheSameFile_LeavesNothingPending()
    {
        await using var db = await TestDatabase.CreateAsync();

        await DatabaseMigrator.MigrateAsync(db.Services, Ct);

        await using var context = await db.Factory.CreateDbContextAsync(Ct);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(Ct));
        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync(Ct));
        // The migrations describe the model exactly: no change was left out of them.
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task MigrateAsync_Findings_HaveTheIndexesThePagesNeed()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var connection = new SqliteConnection($"Data Source={db.Path}");
        await connection.OpenAsync(Ct);

        var plan = string.Join(" | ", await ListAsync(connection, """
            EXPLAIN QUERY PLAN SELECT "Id" FROM "Findings" WHERE "RecordState" = 'ACTIVE'
            ORDER BY "SeverityRank" DESC, "Key" DESC LIMIT 50
            """, column: 3));

        Assert.Contains("IX_Findings_RecordState_SeverityRank ", plan + " ");
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(Ct))?.ToString();
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql, int column = 0)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct)) values.Add(reader.GetValue(column).ToString()!);
        return values;
    }
}
