using Dashboard.Data.Organizations;

namespace Dashboard.Web.Organizations;

/// <summary>The cached organization the pages read (a seam over the sealed <see cref="OrganizationQueries"/> for tests).</summary>
public interface IOrganizationDataSource
{
    /// <summary>Null when no organization was synced or imported yet.</summary>
    Task<CachedOrganization?> GetLatestAsync(CancellationToken ct = default);
}

/// <summary>The organization cache in SQLite (the Data layer's queries).</summary>
public sealed class OrganizationQueriesDataSource(OrganizationQueries queries) : IOrganizationDataSource
{
    public Task<CachedOrganization?> GetLatestAsync(CancellationToken ct = default) => queries.GetLatestAsync(ct);
}
