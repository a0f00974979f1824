using Dashboard.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Data.Findings;

/// <summary>
/// Writes workflow changes that Security Hub accepted into the cache, in one transaction: each finding's
/// WorkflowStatus column, its stored ASFF JSON (Workflow, WorkflowState, Note; the rest untouched), the
/// summary counts, and one audit row per finding. Callers pass only what AWS processed.
/// </summary>
public sealed class FindingWorkflowStore(IDbContextFactory<DashboardDbContext> factory, ILogger<FindingWorkflowStore> logger)
{
    /// <summary>Applies the changes; returns how many cached findings were updated (a change for a finding not in the cache is only recorded).</summary>
    public async Task<int> ApplyAsync(IReadOnlyList<FindingWorkflowChange> changes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return 0;

        await using var db = await factory.CreateDbContextAsync(ct);
        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): take the write lock before reading the rows.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var rows = new List<(long Key, FindingWorkflowChange Change, string? Json)>();
        foreach (var change in changes)
        {
            var current = await db.Findings
                .Where(f => f.Id == change.Finding.Id && f.ProductArn == change.Finding.ProductArn)
                .Select(f => new { f.Key, f.WorkflowStatus, RawJson = f.Json!.RawJson })
                .FirstOrDefaultAsync(ct);
            db.Add(new FindingWorkflowChangeEntity
            {
                FindingId = change.Finding.Id,
                ProductArn = change.Finding.ProductArn,
                AwsAccountId = change.AwsAccountId,
                Region = change.Region,
                FromStatus = current?.WorkflowStatus,
                ToStatus = change.ToStatus,
                Note = change.Note,
                ChangedBy = change.ChangedBy,
                ChangedAtTicks = Instants.ToTicks(change.ChangedAt),
            });
            if (current is null) continue;

            var json = AsffWorkflowJson.Apply(current.RawJson, change.ToStatus, change.Note, change.ChangedBy, change.ChangedAt);
            if (json is null)
                logger.LogWarning("The stored JSON of finding {FindingId} is not a JSON object; only its workflow status column was updated", change.Finding.Id);
            rows.Add((current.Key, change, json));
        }

        if (rows.Count > 0)
        {
            // The summary counts are grouped by WorkflowStatus: take the rows out, change them, put them back.
            var keys = string.Join(", ", rows.Select(r => r.Key).Distinct());
            // Keys are integers read from the database: safe to inline.
            var where = $"f.\"Key\" IN ({keys})";
            await db.Database.ExecuteSqlRawAsync(FindingSummarySql.Add("\"Findings\" f", where, -1), ct);
            foreach (var (key, change, json) in rows)
            {
                if (json is null)
                {
                    await db.Database.ExecuteSqlAsync($"""UPDATE "Findings" SET "WorkflowStatus" = {change.ToStatus} WHERE "Key" = {key}""", ct);
                    continue;
                }
                var hash = RawJsonHash.Compute(json);
                await db.Database.ExecuteSqlAsync($"""UPDATE "Findings" SET "WorkflowStatus" = {change.ToStatus}, "RawHash" = {hash} WHERE "Key" = {key}""", ct);
                await db.Database.ExecuteSqlAsync($"""UPDATE "FindingJson" SET "RawJson" = {json} WHERE "FindingKey" = {key}""", ct);
            }
            await db.Database.ExecuteSqlRawAsync(FindingSummarySql.Add("\"Findings\" f", where, +1), ct);
            await db.Database.ExecuteSqlRawAsync(FindingSummarySql.RemoveEmpty, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogDebug("Recorded {Changes} workflow changes; {Updated} cached findings updated", changes.Count, rows.Count);
        return rows.Count;
    }
}
