using Dashboard.Core.Findings;
using Dashboard.Core.Sync;
using Dashboard.Data.Findings;
using Dashboard.Data.Sync;
using Dashboard.Data.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Tests.Sync;

/// <summary>An account-Region's findings, its row on the run and its watermark commit together or not at all.</summary>
public sealed class FindingsTargetBookkeepingTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FindingsTargetBookkeeping Bookkeeping(long runId, DateTimeOffset watermark) => new(
        runId,
        new SyncWatermark("111111111111", "us-east-1", watermark, T0),
        stored => new SyncTargetResult
        {
            AccountId = "111111111111", Region = "us-east-1", Status = SyncTargetStatus.Succeeded, FullRefresh = true,
            New = stored.New, Updated = stored.Updated, Unchanged = stored.Unchanged, Pages = 2,
            StartedAt = T0, FinishedAt = T0.AddSeconds(3),
        });

    [Fact]
    public async Task UpsertAndRecordAsync_Succeeds_StoresFindingsRunRowAndWatermarkWithTheUpsertCounts()
    {
        await using var db = await TestDatabase.CreateAsync();
        var a = TestFindings.Make("a");
        await db.Store.UpsertAsync([a], Ct);
        var runId = await db.Runs.StartRunAsync("test", T0, Ct);

        var recorded = await db.Store.UpsertAndRecordAsync(FetchedFindings.At(T0, [a, TestFindings.Make("b")]), Bookkeeping(runId, T0.AddHours(1)), Ct);

        Assert.Equal((1, 0, 1), (recorded.New, recorded.Updated, recorded.Unchanged));
        var run = await db.Runs.GetRunAsync(runId, Ct);
        Assert.Equivalent(recorded, Assert.Single(run!.Targets), strict: true);
        Assert.Equal(T0.AddHours(1), (await db.Runs.GetWatermarkAsync("111111111111", "us-east-1", Ct))!.LastUpdatedAt);
        Assert.NotNull(await db.Queries.GetDetailAsync("b", a.ProductArn, Ct));
    }

    [Fact]
    public async Task UpsertAndRecordAsync_NoFindings_StillRecordsRunRowAndWatermark()
    {
        await using var db = await TestDatabase.CreateAsync();
        var runId = await db.Runs.StartRunAsync("test", T0, Ct);

        var recorded = await db.Store.UpsertAndRecordAsync(new FetchedFindings(), Bookkeeping(runId, T0.AddHours(2)), Ct);

        Assert.Equal((0, 0, 0), (recorded.New, recorded.Updated, recorded.Unchanged));
        Assert.Single((await db.Runs.GetRunAsync(runId, Ct))!.Targets);
        Assert.Equal(T0.AddHours(2), (await db.Runs.GetWatermarkAsync("111111111111", "us-east-1", Ct))!.LastUpdatedAt);
    }

    [Fact]
    public async Task UpsertAndRecordAsync_DatabaseRefusesAFinding_WritesNoFindingNoRunRowAndNoWatermark()
    {
        await using var db = await TestDatabase.CreateAsync();
        var a = TestFindings.Make("a");
        await db.Store.UpsertAsync([a], Ct);
        var watermarkBefore = new SyncWatermark("111111111111", "us-east-1", T0, T0);
        await db.Runs.SetWatermarkAsync(watermarkBefore, Ct);
        var runId = await db.Runs.StartRunAsync("test", T0, Ct);
        await using (var context = await db.Factory.CreateDbContextAsync(Ct))
        {
            await context.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER "RefuseBoom" BEFORE INSERT ON "FindingJson"
                WHEN NEW."RawJson" LIKE '%boom%' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END;
                """, Ct);
        }
        var changedA = TestFindings.Touched(a, TimeSpan.FromHours(1)) with { Title = "Rewritten" };

        await Assert.ThrowsAsync<SqliteException>(() => db.Store.UpsertAndRecordAsync(
            FetchedFindings.At(T0, [changedA, TestFindings.Make("new", rawExtra: "boom")]), Bookkeeping(runId, T0.AddHours(1)), Ct));

        Assert.Empty((await db.Runs.GetRunAsync(runId, Ct))!.Targets);
        Assert.Equal(watermarkBefore, await db.Runs.GetWatermarkAsync("111111111111", "us-east-1", Ct));
        var stored = await db.Queries.GetDetailAsync("a", a.ProductArn, Ct);
        Assert.Equal(a.Title, stored!.Row.Title);
        Assert.Null(await db.Queries.GetDetailAsync("new", a.ProductArn, Ct));
    }
}
