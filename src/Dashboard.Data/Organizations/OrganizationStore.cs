using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Serialization;
using Dashboard.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Data.Organizations;

/// <summary>Stores organization snapshots; the newest is what pages read, the few before it are kept for comparison.</summary>
public sealed class OrganizationStore(IDbContextFactory<DashboardDbContext> factory, ILogger<OrganizationStore> logger)
{
    /// <summary>How many snapshots are kept (newest by collection time).</summary>
    public const int Retained = 10;

    /// <summary>Stores a new organization snapshot (the latest good one is what pages read); a failed collection stores nothing.</summary>
    public async Task SaveAsync(OrganizationSnapshot snapshot, DateTimeOffset collectedAt, string source, long? syncRunId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var row = new OrganizationSnapshotEntity
        {
            CollectedAtTicks = Instants.ToTicks(collectedAt),
            Source = source,
            SyncRunId = syncRunId,
            Json = OrganizationSnapshotJson.Serialize(snapshot),
        };

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.OrganizationSnapshots.Add(row);
        await db.SaveChangesAsync(ct);
        var keep = db.OrganizationSnapshots
            .OrderByDescending(s => s.CollectedAtTicks).ThenByDescending(s => s.Id)
            .Take(Retained)
            .Select(s => s.Id);
        var removed = await db.OrganizationSnapshots.Where(s => !keep.Contains(s.Id)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(CancellationToken.None);
        logger.LogInformation(
            "Cached organization {OrganizationId} from {Source}: {Accounts} accounts, {Policies} policies ({Removed} old snapshots dropped)",
            snapshot.Organization.Id, source, snapshot.Accounts.Count, snapshot.Policies.Count, removed);
    }
}
