using Dashboard.Data.Database;
using Dashboard.Data.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Dashboard.Data.Tests.Iam;

public sealed class IamMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_FromEmpty_CreatesTheIamAndOrganizationTables()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync(migrate: false);

        // Act
        await DatabaseMigrator.MigrateAsync(db.Services, Ct);

        // Assert
        var tables = await ListAsync(db.Path, "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Superset(new HashSet<string> { "IamSnapshots", "IamPrincipals", "IamRisks", "OrganizationSnapshots" }, tables.ToHashSet());
        var indexes = await ListAsync(db.Path, "SELECT name FROM sqlite_master WHERE type = 'index'");
        Assert.Contains("IX_IamPrincipals_AccountId_Kind_Name", indexes);
        Assert.Contains("IX_IamRisks_ResourceArn", indexes);
    }

    [Fact]
    public async Task MigrateAsync_FromInitialCreate_KeepsSyncTargetsAsFindingsAndTheSummaryTablesWithoutRowid()
    {
        // Arrange: a cache written by the first release, with one sync target row.
        await using var db = await TestDatabase.CreateAsync(migrate: false);
        await using (var context = await db.Factory.CreateDbContextAsync(Ct))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(db.Path)!);
            var migrator = context.GetService<IMigrator>();
            var initial = context.Database.GetMigrations().First();
            await migrator.MigrateAsync(initial, Ct);
            await context.Database.ExecuteSqlRawAsync("""
                INSERT INTO "SyncRuns" ("Trigger", "Status", "StartedAtTicks") VALUES ('manual', 'Succeeded', 1);
                INSERT INTO "SyncRunTargets" ("RunId", "AccountId", "Region", "Status", "FullRefresh", "New", "Updated", "Unchanged",
                    "Rejected", "Retries", "Pages", "RejectionSamplesJson", "StartedAtTicks", "FinishedAtTicks")
                VALUES (1, '111111111111', 'eu-west-1', 'Succeeded', 1, 1, 0, 0, 0, 0, 1, '[]', 1, 2);
                """, Ct);
        }

        // Act
        await DatabaseMigrator.MigrateAsync(db.Services, Ct);
        var run = await db.Runs.GetRunAsync(1, Ct);

        // Assert
        Assert.Equal(Core.Sync.SyncTargetKinds.Findings, Assert.Single(run!.Targets).Kind);
        Assert.Equal(["2"], await ListAsync(db.Path, "SELECT COUNT(*) FROM sqlite_master WHERE sql LIKE '%WITHOUT ROWID%'"));
        await using var after = await db.Factory.CreateDbContextAsync(Ct);
        Assert.Empty(await after.Database.GetPendingMigrationsAsync(Ct));
    }

    private static async Task<List<string>> ListAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var values = new List<string>();
        while (await reader.ReadAsync(Ct)) values.Add(reader.GetValue(0).ToString()!);
        return values;
    }
}
