using Dashboard.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Findings;

/// <summary>The reads a workflow update and the detail page's history need.</summary>
public sealed class FindingWorkflowQueries(IDbContextFactory<DashboardDbContext> factory)
{
    /// <summary>The cached findings among <paramref name="keys"/> (missing ones are left out), with their account, Region and status.</summary>
    public async Task<IReadOnlyList<FindingWorkflowTarget>> GetTargetsAsync(IReadOnlyCollection<FindingKey> keys, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await using var db = await factory.CreateDbContextAsync(ct);
        var targets = new List<FindingWorkflowTarget>(keys.Count);
        // One indexed lookup per key: an update names a handful of findings, and (Id, ProductArn) pairs do not translate to IN.
        foreach (var key in keys.Distinct())
        {
            var row = await db.Findings
                .Where(f => f.Id == key.Id && f.ProductArn == key.ProductArn)
                .Select(f => new { f.AwsAccountId, f.Region, f.WorkflowStatus })
                .FirstOrDefaultAsync(ct);
            if (row is not null) targets.Add(new FindingWorkflowTarget(key, row.AwsAccountId, row.Region, row.WorkflowStatus));
        }
        return targets;
    }

    /// <summary>A finding's workflow changes made from the dashboard, newest first.</summary>
    public async Task<IReadOnlyList<FindingWorkflowHistoryEntry>> GetHistoryAsync(FindingKey key, int max = 50, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (max <= 0) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Set<FindingWorkflowChangeEntity>()
            .Where(c => c.FindingId == key.Id && c.ProductArn == key.ProductArn)
            .OrderByDescending(c => c.ChangedAtTicks).ThenByDescending(c => c.Id)
            .Take(max)
            .Select(c => new { c.FromStatus, c.ToStatus, c.Note, c.ChangedBy, c.ChangedAtTicks })
            .ToListAsync(ct);
        return [.. rows.Select(r => new FindingWorkflowHistoryEntry(r.FromStatus, r.ToStatus, r.Note, r.ChangedBy, Instants.FromTicks(r.ChangedAtTicks)))];
    }
}
