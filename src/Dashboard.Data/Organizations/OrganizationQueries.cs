using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Serialization;
using Dashboard.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Data.Organizations;

/// <summary>The last good organization snapshot and when it was collected.</summary>
public sealed record CachedOrganization(OrganizationSnapshot Snapshot, DateTimeOffset CollectedAt, long? SyncRunId, string Source);

/// <summary>What the organization pages and the sync read from the cache.</summary>
public sealed class OrganizationQueries(IDbContextFactory<DashboardDbContext> factory, ILogger<OrganizationQueries> logger)
{
    private readonly Lock _gate = new();
    private (long Id, CachedOrganization Organization)? _cached;

    /// <summary>
    /// Null when no organization was synced or imported yet. A stored snapshot that cannot be read is
    /// skipped (and logged) in favour of the one before it, so the last good tree stays.
    /// </summary>
    public async Task<CachedOrganization?> GetLatestAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = await db.OrganizationSnapshots
            .OrderByDescending(s => s.CollectedAtTicks).ThenByDescending(s => s.Id)
            .Select(s => s.Id)
            .ToListAsync(ct);
        foreach (var id in ids)
        {
            lock (_gate)
            {
                if (_cached is { } hit && hit.Id == id) return hit.Organization;
            }

            var row = await db.OrganizationSnapshots.FirstOrDefaultAsync(s => s.Id == id, ct);
            if (row is null) continue;
            try
            {
                var organization = new CachedOrganization(
                    OrganizationSnapshotJson.Deserialize(row.Json), Instants.FromTicks(row.CollectedAtTicks), row.SyncRunId, row.Source);
                lock (_gate) _cached = (id, organization);
                return organization;
            }
            catch (FormatException ex)
            {
                logger.LogError(ex, "Cached organization snapshot {SnapshotId} cannot be read; using an older one", id);
            }
        }

        return null;
    }
}
