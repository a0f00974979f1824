using Dashboard.Core.Organizations;

namespace Dashboard.Data.Organizations;

/// <summary>The last good organization snapshot and when it was collected.</summary>
public sealed record CachedOrganization(OrganizationSnapshot Snapshot, DateTimeOffset CollectedAt, long? SyncRunId, string Source);

// CONTRACT ONLY until the Organizations cache lands: signatures are shared with Web.
public sealed class OrganizationQueries
{
    /// <summary>Null when no organization was synced or imported yet.</summary>
    public Task<CachedOrganization?> GetLatestAsync(CancellationToken ct = default) => throw new NotImplementedException();
}
