using Dashboard.Core.Organizations;

namespace Dashboard.Data.Organizations;

// CONTRACT ONLY until the Organizations cache lands.
public sealed class OrganizationStore
{
    /// <summary>Stores a new organization snapshot (the latest good one is what pages read); a failed collection stores nothing.</summary>
    public Task SaveAsync(OrganizationSnapshot snapshot, DateTimeOffset collectedAt, string source, long? syncRunId, CancellationToken ct = default)
        => throw new NotImplementedException();
}
