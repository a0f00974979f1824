using Dashboard.Core.Findings;
using Dashboard.Core.Sync;
using Dashboard.Data.Database;
using Dashboard.Data.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Data.Findings;

/// <summary>Writes findings into the cache. The summary tables the overview reads are kept exact in the same transaction.</summary>
public sealed class FindingStore(IDbContextFactory<DashboardDbContext> factory, ILogger<FindingStore> logger)
{
    private const int CancellationCheckInterval = 256;

    /// <summary>
    /// Upserts by (Id, ProductArn) in one transaction; a row whose UpdatedAt and raw JSON are unchanged counts as
    /// Unchanged. The findings are stored as given (an import); a sync uses <see cref="UpsertAndRecordAsync"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A finding lacks a required value; nothing was written.</exception>
    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<FindingRecord> findings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ct.ThrowIfCancellationRequested();
        if (findings.Count == 0) return new UpsertResult(0, 0, 0);
        return (await WriteAsync(findings, null, null, ct)).Stored;
    }

    /// <summary>
    /// Upserts one account-Region's findings and, in the same transaction, its run row and watermark:
    /// one commit per account-Region instead of three, and the watermark can never be ahead of the
    /// findings it vouches for. A finding whose read may predate a dashboard workflow change keeps that
    /// change's workflow (<see cref="FindingWorkflowGuard"/>). Returns the result that was recorded on the run.
    /// </summary>
    /// <exception cref="ArgumentException">A finding lacks a required value; nothing was written, not even the run row.</exception>
    public async Task<SyncTargetResult> UpsertAndRecordAsync(
        FetchedFindings findings, FindingsTargetBookkeeping bookkeeping, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(bookkeeping);
        ct.ThrowIfCancellationRequested();
        return (await WriteAsync(findings.Findings, findings, bookkeeping, ct)).Recorded!;
    }

    private async Task<(UpsertResult Stored, SyncTargetResult? Recorded)> WriteAsync(
        IReadOnlyList<FindingRecord> findings, FetchedFindings? fetched, FindingsTargetBookkeeping? bookkeeping, CancellationToken ct)
    {
        // First pass, before touching the database: check every finding, hash its JSON, and find
        // its last copy (within one call the last copy wins; earlier copies count against it).
        var hashes = new long[findings.Count];
        var last = new Dictionary<(string, string), int>(findings.Count);
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            Validate(f, i);
            hashes[i] = RawJsonHash.Compute(f.RawJson);
            last[(f.Id, f.ProductArn)] = i;
        }

        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        SetCacheSize(connection, SqlitePragmaInterceptor.WriteCacheKiB);
        try
        {
            // BEGIN IMMEDIATE: take the write lock up front instead of failing to upgrade a read lock later.
            // Microsoft.Data.Sqlite's async methods run synchronously anyway, so the work uses the sync API.
            using var transaction = connection.BeginTransaction(deferred: false);
            var stored = findings.Count == 0 ? new UpsertResult(0, 0, 0) : Write(connection, transaction, findings, fetched, hashes, last, ct);
            SyncTargetResult? recorded = null;
            if (bookkeeping is not null)
            {
                // The run row and the watermark go through EF on the same connection and transaction.
                db.Database.UseTransaction(transaction);
                recorded = bookkeeping.Result(stored);
                SyncRunStore.AddTarget(db, bookkeeping.RunId, recorded);
                db.SaveChanges();
                SyncRunStore.SetWatermark(db, bookkeeping.Watermark);
            }

            ct.ThrowIfCancellationRequested();
            transaction.Commit();
            return (stored, recorded);
        }
        finally
        {
            // The pooled connection gives the pages back.
            SetCacheSize(connection, SqlitePragmaInterceptor.ReadCacheKiB);
        }
    }

    private UpsertResult Write(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<FindingRecord> findings, FetchedFindings? fetched,
        long[] hashes, Dictionary<(string, string), int> last, CancellationToken ct)
    {
        // Read under the write lock: no workflow change can commit between this check and the write.
        var guard = fetched?.EarliestTicks is { } since ? FindingWorkflowGuard.Load(connection, transaction, since) : null;
        using var batch = new FindingUpsertBatch(connection, transaction);
        for (var i = 0; i < findings.Count; i++)
        {
            if (i % CancellationCheckInterval == 0) ct.ThrowIfCancellationRequested();
            var f = findings[i];
            var kept = last[(f.Id, f.ProductArn)];
            if (kept == i)
            {
                var hash = hashes[i];
                if (guard is not null) f = guard.Apply(f, fetched!.FetchedAtTicks(i), ref hash);
                batch.Add(f, hash);
            }
            else batch.CountSuperseded(hashes[i] == hashes[kept] && f.UpdatedAt == findings[kept].UpdatedAt);
        }

        batch.Write(ct);
        logger.LogDebug("Upserted {Count} findings: {New} new, {Updated} updated, {Unchanged} unchanged",
            findings.Count, batch.New, batch.Updated, batch.Unchanged);
        if (guard?.Kept > 0)
            logger.LogInformation("Kept the dashboard's workflow change of {Kept} finding(s) that this sync may have read before the change", guard.Kept);
        return new UpsertResult(batch.New, batch.Updated, batch.Unchanged);
    }

    /// <summary>
    /// Recomputes the summary tables from the findings. Never needed in normal operation (every upsert
    /// keeps them exact); for repair after the database was edited by hand.
    /// </summary>
    public async Task RebuildSummaryAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(FindingSummarySql.Rebuild, ct);
        await transaction.CommitAsync(ct);
    }

    private static void SetCacheSize(SqliteConnection connection, string kib)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA cache_size={kib};";
        command.ExecuteNonQuery();
    }

    /// <summary>One bad record fails the whole call, naming its position and field, before anything is written.</summary>
    private static void Validate(FindingRecord? f, int index)
    {
        if (f is null) throw new ArgumentException($"Finding #{index} is null; nothing was stored.", "findings");
        var missing =
            string.IsNullOrEmpty(f.Id) ? nameof(f.Id)
            : string.IsNullOrEmpty(f.ProductArn) ? nameof(f.ProductArn)
            : f.AwsAccountId is null ? nameof(f.AwsAccountId)
            : f.Region is null ? nameof(f.Region)
            : f.ProductName is null ? nameof(f.ProductName)
            : f.GeneratorId is null ? nameof(f.GeneratorId)
            : f.Title is null ? nameof(f.Title)
            : f.WorkflowStatus is null ? nameof(f.WorkflowStatus)
            : f.RecordState is null ? nameof(f.RecordState)
            : f.RawJson is null ? nameof(f.RawJson)
            : null;
        if (missing is not null)
            throw new ArgumentException($"Finding #{index} ({f.Id ?? "no Id"}) has no {missing}; nothing was stored.", "findings");
    }
}
