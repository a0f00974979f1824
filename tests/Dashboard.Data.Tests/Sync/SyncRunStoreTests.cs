using Dashboard.Core.Sync;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests.Sync;

public sealed class SyncRunStoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SyncTargetResult Target(string account, SyncTargetStatus status, int minutes) => new()
    {
        AccountId = account,
        Region = "eu-west-1",
        Status = status,
        FullRefresh = status == SyncTargetStatus.Succeeded,
        New = 10,
        Updated = 2,
        Unchanged = 30,
        Rejected = 1,
        Retries = 3,
        Pages = 4,
        Error = status == SyncTargetStatus.Failed ? "AccessDenied: not authorized to perform securityhub:GetFindings" : null,
        RejectionSamples = ["finding-1: missing Title", "finding-2: \"Severity\" is not an object"],
        StartedAt = T0.AddMinutes(minutes),
        FinishedAt = T0.AddMinutes(minutes + 1),
    };

    [Fact]
    public async Task GetRunAsync_AfterStartRecordFinish_ReturnsTheWholeRun()
    {
        await using var db = await TestDatabase.CreateAsync();
        var ok = Target("111111111111", SyncTargetStatus.Succeeded, 0);
        var failed = Target("222222222222", SyncTargetStatus.Failed, 1);

        var id = await db.Runs.StartRunAsync("manual", T0, Ct);
        await db.Runs.RecordTargetAsync(id, ok, Ct);
        await db.Runs.RecordTargetAsync(id, failed, Ct);
        await db.Runs.FinishRunAsync(id, SyncRunStatus.PartiallySucceeded, T0.AddMinutes(5), "1 of 2 account-Regions failed", Ct);
        var run = await db.Runs.GetRunAsync(id, Ct);

        Assert.NotNull(run);
        Assert.Equal(id, run.Id);
        Assert.Equal("manual", run.Trigger);
        Assert.Equal(SyncRunStatus.PartiallySucceeded, run.Status);
        Assert.Equal(T0, run.StartedAt);
        Assert.Equal(T0.AddMinutes(5), run.FinishedAt);
        Assert.Equal("1 of 2 account-Regions failed", run.Error);
        Assert.Equal(2, run.Targets.Count);
        Assert.Equivalent(ok, run.Targets[0], strict: true);
        Assert.Equivalent(failed, run.Targets[1], strict: true);
        Assert.Equal(20, run.New);
        Assert.Equal(6, run.Retries);
    }

    [Fact]
    public async Task StartRunAsync_NewRun_IsRunningWithoutFinish()
    {
        await using var db = await TestDatabase.CreateAsync();

        var id = await db.Runs.StartRunAsync("schedule", T0, Ct);
        var run = await db.Runs.GetRunAsync(id, Ct);

        Assert.Equal(SyncRunStatus.Running, run!.Status);
        Assert.Null(run.FinishedAt);
        Assert.Empty(run.Targets);
    }

    [Fact]
    public async Task GetRecentRunsAsync_SeveralRuns_NewestFirstWithTargets()
    {
        await using var db = await TestDatabase.CreateAsync();
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            var id = await db.Runs.StartRunAsync("schedule", T0.AddHours(i), Ct);
            await db.Runs.RecordTargetAsync(id, Target($"{i}{i}{i}", SyncTargetStatus.Succeeded, i * 60), Ct);
            await db.Runs.FinishRunAsync(id, SyncRunStatus.Succeeded, T0.AddHours(i).AddMinutes(2), null, Ct);
            ids.Add(id);
        }

        var recent = await db.Runs.GetRecentRunsAsync(3, Ct);
        var last = await db.Runs.GetLastRunAsync(Ct);

        Assert.Equal([ids[3], ids[2], ids[1]], recent.Select(r => r.Id));
        Assert.All(recent, r => Assert.Single(r.Targets));
        Assert.Equal("333", recent[0].Targets[0].AccountId);
        Assert.Equal(ids[3], last!.Id);
    }

    [Fact]
    public async Task GetLastRunAsync_NoRuns_ReturnsNull()
    {
        await using var db = await TestDatabase.CreateAsync();

        Assert.Null(await db.Runs.GetLastRunAsync(Ct));
        Assert.Null(await db.Runs.GetRunAsync(42, Ct));
        Assert.Empty(await db.Runs.GetRecentRunsAsync(10, Ct));
    }

    [Fact]
    public async Task RecordTargetAsync_UnknownRun_ThrowsNamingTheRun()
    {
        await using var db = await TestDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => db.Runs.RecordTargetAsync(999, Target("1", SyncTargetStatus.Succeeded, 0), Ct));

        Assert.Contains("999", error.Message);
    }

    [Fact]
    public async Task GetWatermarkAsync_AfterSet_ReturnsItAndLaterSetsReplaceIt()
    {
        await using var db = await TestDatabase.CreateAsync();
        var first = new SyncWatermark("111111111111", "eu-west-1", T0, null);
        var second = new SyncWatermark("111111111111", "eu-west-1", T0.AddHours(1), T0.AddHours(1));
        var otherRegion = new SyncWatermark("111111111111", "us-east-1", T0.AddDays(-1), T0.AddDays(-1));

        var before = await db.Runs.GetWatermarkAsync("111111111111", "eu-west-1", Ct);
        await db.Runs.SetWatermarkAsync(first, Ct);
        var afterFirst = await db.Runs.GetWatermarkAsync("111111111111", "eu-west-1", Ct);
        await db.Runs.SetWatermarkAsync(second, Ct);
        await db.Runs.SetWatermarkAsync(otherRegion, Ct);

        Assert.Null(before);
        Assert.Equal(first, afterFirst);
        Assert.Equal(second, await db.Runs.GetWatermarkAsync("111111111111", "eu-west-1", Ct));
        Assert.Equal(otherRegion, await db.Runs.GetWatermarkAsync("111111111111", "us-east-1", Ct));
    }

    [Fact]
    public async Task GetWatermarkAsync_NonUtcOffset_ComesBackAsTheSameInstant()
    {
        await using var db = await TestDatabase.CreateAsync();
        var local = new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.FromHours(2));

        await db.Runs.SetWatermarkAsync(new SyncWatermark("1", "r", local, null), Ct);
        var stored = await db.Runs.GetWatermarkAsync("1", "r", Ct);

        Assert.Equal(local.UtcDateTime, stored!.LastUpdatedAt!.Value.UtcDateTime);
    }
}
