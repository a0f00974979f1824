using System.Text.Json;
using Dashboard.Core.Sync;
using Dashboard.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Sync;

/// <summary>Sync runs with their per account-Region results, and the incremental-sync watermarks.</summary>
public sealed class SyncRunStore(IDbContextFactory<DashboardDbContext> factory)
{
    public async Task<long> StartRunAsync(string trigger, DateTimeOffset startedAt, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger);
        await using var db = await factory.CreateDbContextAsync(ct);
        var run = new SyncRunEntity
        {
            Trigger = trigger,
            Status = nameof(SyncRunStatus.Running),
            StartedAtTicks = Instants.ToTicks(startedAt),
        };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    public async Task RecordTargetAsync(long runId, SyncTargetResult result, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.SyncRuns.AnyAsync(r => r.Id == runId, ct))
            throw new InvalidOperationException($"Sync run {runId} does not exist.");
        AddTarget(db, runId, result);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Stages the run's row for one target on <paramref name="db"/>; the caller saves it (maybe inside its own transaction).</summary>
    internal static void AddTarget(DashboardDbContext db, long runId, SyncTargetResult result)
    {
        db.SyncRunTargets.Add(new SyncRunTargetEntity
        {
            RunId = runId,
            AccountId = result.AccountId,
            Region = result.Region,
            Kind = string.IsNullOrWhiteSpace(result.Kind) ? SyncTargetKinds.Findings : result.Kind,
            Status = result.Status.ToString(),
            FullRefresh = result.FullRefresh,
            New = result.New,
            Updated = result.Updated,
            Unchanged = result.Unchanged,
            Rejected = result.Rejected,
            Retries = result.Retries,
            Pages = result.Pages,
            Error = result.Error,
            RejectionSamplesJson = JsonSerializer.Serialize(result.RejectionSamples ?? []),
            StartedAtTicks = Instants.ToTicks(result.StartedAt),
            FinishedAtTicks = Instants.ToTicks(result.FinishedAt),
        });
    }

    public async Task FinishRunAsync(long runId, SyncRunStatus status, DateTimeOffset finishedAt, string? error, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var updated = await db.SyncRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status.ToString())
            .SetProperty(r => r.FinishedAtTicks, Instants.ToTicks(finishedAt))
            .SetProperty(r => r.Error, error), ct);
        if (updated == 0) throw new InvalidOperationException($"Sync run {runId} does not exist.");
    }

    public async Task<SyncWatermark?> GetWatermarkAsync(string accountId, string region, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var w = await db.SyncWatermarks.FirstOrDefaultAsync(w => w.AccountId == accountId && w.Region == region, ct);
        return w is null
            ? null
            : new SyncWatermark(w.AccountId, w.Region, Instants.FromTicks(w.LastUpdatedAtTicks), Instants.FromTicks(w.LastFullRefreshAtTicks));
    }

    public async Task SetWatermarkAsync(SyncWatermark watermark, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(watermark);
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync(WatermarkUpsert(watermark), ct);
    }

    /// <summary>Upserts the watermark through <paramref name="db"/>, inside whatever transaction it has.</summary>
    internal static void SetWatermark(DashboardDbContext db, SyncWatermark watermark)
        => db.Database.ExecuteSql(WatermarkUpsert(watermark));

    private static FormattableString WatermarkUpsert(SyncWatermark watermark)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(watermark.AccountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(watermark.Region);
        return $"""
            INSERT INTO "SyncWatermarks" ("AccountId", "Region", "LastUpdatedAtTicks", "LastFullRefreshAtTicks")
            VALUES ({watermark.AccountId}, {watermark.Region}, {Instants.ToTicks(watermark.LastUpdatedAt)}, {Instants.ToTicks(watermark.LastFullRefreshAt)})
            ON CONFLICT ("AccountId", "Region") DO UPDATE SET
                "LastUpdatedAtTicks" = excluded."LastUpdatedAtTicks",
                "LastFullRefreshAtTicks" = excluded."LastFullRefreshAtTicks"
            """;
    }

    /// <summary>The newest runs first, each with its targets.</summary>
    public async Task<IReadOnlyList<SyncRunSummary>> GetRecentRunsAsync(int take, CancellationToken ct = default)
    {
        if (take <= 0) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var runs = await Newest(db).Take(take).Include(r => r.Targets).AsSplitQuery().ToListAsync(ct);
        return runs.Select(ToSummary).ToList();
    }

    public async Task<SyncRunSummary?> GetRunAsync(long id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var run = await db.SyncRuns.Include(r => r.Targets).FirstOrDefaultAsync(r => r.Id == id, ct);
        return run is null ? null : ToSummary(run);
    }

    public async Task<SyncRunSummary?> GetLastRunAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var run = await Newest(db).Include(r => r.Targets).FirstOrDefaultAsync(ct);
        return run is null ? null : ToSummary(run);
    }

    private static IQueryable<SyncRunEntity> Newest(DashboardDbContext db)
        => db.SyncRuns.OrderByDescending(r => r.StartedAtTicks).ThenByDescending(r => r.Id);

    private static SyncRunSummary ToSummary(SyncRunEntity r) => new()
    {
        Id = r.Id,
        Trigger = r.Trigger,
        Status = Enum.TryParse<SyncRunStatus>(r.Status, out var s) ? s : SyncRunStatus.Failed,
        StartedAt = Instants.FromTicks(r.StartedAtTicks),
        FinishedAt = Instants.FromTicks(r.FinishedAtTicks),
        Error = r.Error,
        Targets = r.Targets.OrderBy(t => t.StartedAtTicks).ThenBy(t => t.Id).Select(ToResult).ToList(),
    };

    private static SyncTargetResult ToResult(SyncRunTargetEntity t) => new()
    {
        AccountId = t.AccountId,
        Region = t.Region,
        Kind = t.Kind,
        Status = Enum.TryParse<SyncTargetStatus>(t.Status, out var s) ? s : SyncTargetStatus.Failed,
        FullRefresh = t.FullRefresh,
        New = t.New,
        Updated = t.Updated,
        Unchanged = t.Unchanged,
        Rejected = t.Rejected,
        Retries = t.Retries,
        Pages = t.Pages,
        Error = t.Error,
        RejectionSamples = ReadSamples(t.RejectionSamplesJson),
        StartedAt = Instants.FromTicks(t.StartedAtTicks),
        FinishedAt = Instants.FromTicks(t.FinishedAtTicks),
    };

    private static IReadOnlyList<string> ReadSamples(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json) ?? [];
        }
        catch (JsonException)
        {
            // A hand-edited row must not break the sync page.
            return [$"(unreadable rejection samples: {json})"];
        }
    }
}
