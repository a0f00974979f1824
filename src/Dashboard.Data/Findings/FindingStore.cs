using Dashboard.Core.Findings;
using Dashboard.Data.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Data.Findings;

/// <summary>Writes findings into the cache. The summary tables the overview reads are kept exact in the same transaction.</summary>
public sealed class FindingStore(IDbContextFactory<DashboardDbContext> factory, ILogger<FindingStore> logger)
{
    private const int CancellationCheckInterval = 256;

    /// <summary>Upserts by (Id, ProductArn) in one transaction; a row whose UpdatedAt and raw JSON are unchanged counts as Unchanged.</summary>
    /// <exception cref="ArgumentException">A finding lacks a required value; nothing was written.</exception>
    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<FindingRecord> findings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ct.ThrowIfCancellationRequested();
        if (findings.Count == 0) return new UpsertResult(0, 0, 0);

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
            return Write(connection, findings, hashes, last, ct);
        }
        finally
        {
            // The pooled connection gives the pages back.
            SetCacheSize(connection, SqlitePragmaInterceptor.ReadCacheKiB);
        }
    }

    private UpsertResult Write(
        SqliteConnection connection, IReadOnlyList<FindingRecord> findings, long[] hashes, Dictionary<(string, string), int> last, CancellationToken ct)
    {
        // BEGIN IMMEDIATE: take the write lock up front instead of failing to upgrade a read lock later.
        // Microsoft.Data.Sqlite's async methods run synchronously anyway, so the work uses the sync API.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var batch = new FindingUpsertBatch(connection, transaction);
        for (var i = 0; i < findings.Count; i++)
        {
            if (i % CancellationCheckInterval == 0) ct.ThrowIfCancellationRequested();
            var f = findings[i];
            var kept = last[(f.Id, f.ProductArn)];
            if (kept == i) batch.Add(f, hashes[i]);
            else batch.CountSuperseded(hashes[i] == hashes[kept] && f.UpdatedAt == findings[kept].UpdatedAt);
        }

        batch.Write(ct);
        ct.ThrowIfCancellationRequested();
        transaction.Commit();
        logger.LogDebug("Upserted {Count} findings: {New} new, {Updated} updated, {Unchanged} unchanged",
            findings.Count, batch.New, batch.Updated, batch.Unchanged);
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
