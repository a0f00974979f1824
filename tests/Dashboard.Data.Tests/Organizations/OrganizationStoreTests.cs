using Dashboard.Core.Organizations;
using Dashboard.Data.Organizations;
using Dashboard.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Data.Tests.Organizations;

public sealed class OrganizationStoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OrganizationSnapshot Example()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "src", "Dashboard.StandIn", "Seed", "org", "aws-example-organization.json");
            if (File.Exists(file)) return OrganizationFileReader.ReadFile(file);
        }

        throw new FileNotFoundException("src/Dashboard.StandIn/Seed/org/aws-example-organization.json not found above the test binaries.");
    }

    [Fact]
    public async Task GetLatestAsync_NothingSaved_ReturnsNull()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();

        // Act
        var latest = await db.Services.GetRequiredService<OrganizationQueries>().GetLatestAsync(Ct);

        // Assert
        Assert.Null(latest);
    }

    [Fact]
    public async Task SaveAsync_ThenGetLatest_ReturnsTheSnapshotWithItsProvenance()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var snapshot = Example();

        // Act
        await db.Services.GetRequiredService<OrganizationStore>().SaveAsync(snapshot, T0, "api", 5, Ct);
        var latest = await db.Services.GetRequiredService<OrganizationQueries>().GetLatestAsync(Ct);

        // Assert
        Assert.NotNull(latest);
        Assert.Equal((T0, 5L, "api"), (latest.CollectedAt, latest.SyncRunId!.Value, latest.Source));
        Assert.Equal(snapshot.Organization, latest.Snapshot.Organization);
        Assert.Equal(snapshot.Accounts, latest.Snapshot.Accounts);
        Assert.Equal(snapshot.Policies, latest.Snapshot.Policies);
    }

    [Fact]
    public async Task SaveAsync_ManyTimes_KeepsTheNewestTenAndReadsTheNewest()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var store = db.Services.GetRequiredService<OrganizationStore>();
        var snapshot = Example();

        // Act: saved out of order; the newest collection wins, not the last write.
        for (var i = 0; i < 12; i++) await store.SaveAsync(snapshot, T0.AddHours(i), $"run {i}", i, Ct);
        await store.SaveAsync(snapshot, T0.AddHours(-1), "late import of an old file", null, Ct);
        var latest = await db.Services.GetRequiredService<OrganizationQueries>().GetLatestAsync(Ct);
        await using var context = await db.Factory.CreateDbContextAsync(Ct);
        var kept = await context.OrganizationSnapshots.OrderBy(s => s.CollectedAtTicks).Select(s => s.Source).ToListAsync(Ct);

        // Assert
        Assert.Equal("run 11", latest!.Source);
        Assert.Equal(OrganizationStore.Retained, kept.Count);
        Assert.Equal(Enumerable.Range(2, 10).Select(i => $"run {i}"), kept);
    }

    [Fact]
    public async Task GetLatestAsync_NewestRowDamaged_ReturnsTheLastGoodOne()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var store = db.Services.GetRequiredService<OrganizationStore>();
        await store.SaveAsync(Example(), T0, "good", 1, Ct);
        await store.SaveAsync(Example(), T0.AddHours(1), "damaged", 2, Ct);
        await using (var context = await db.Factory.CreateDbContextAsync(Ct))
        {
            await context.OrganizationSnapshots.Where(s => s.Source == "damaged").ExecuteUpdateAsync(s => s.SetProperty(x => x.Json, "{\"FormatVersion\":1,"), Ct);
        }

        // Act
        var latest = await db.Services.GetRequiredService<OrganizationQueries>().GetLatestAsync(Ct);

        // Assert
        Assert.Equal("good", latest!.Source);
    }

    [Fact]
    public async Task SaveAsync_BlankSource_ThrowsArgumentExceptionAndStoresNothing()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();

        // Act
        await Assert.ThrowsAnyAsync<ArgumentException>(() => db.Services.GetRequiredService<OrganizationStore>().SaveAsync(Example(), T0, " ", null, Ct));

        // Assert
        Assert.Null(await db.Services.GetRequiredService<OrganizationQueries>().GetLatestAsync(Ct));
    }
}
