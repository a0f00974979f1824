using Dashboard.Core.Iam.Inventory;
using Dashboard.Data.Iam;

namespace Dashboard.Web.Iam;

/// <summary>
/// The cached IAM data the pages read. <see cref="IamQueries"/> is a sealed class, so this seam is what
/// lets component tests hand the pages real snapshots without a database.
/// </summary>
public interface IIamDataSource
{
    Task<IReadOnlyList<IamAccountRow>> GetAccountsAsync(CancellationToken ct = default);

    Task<IamAccountSnapshot?> GetSnapshotAsync(string accountId, CancellationToken ct = default);

    Task<IamPrincipalPage> GetPrincipalsAsync(IamPrincipalFilter filter, int skip, int take, CancellationToken ct = default);

    Task<IamRiskPage> GetRisksAsync(IamRiskFilter filter, int skip, int take, CancellationToken ct = default);

    Task<IReadOnlyList<IamRiskCount>> GetRiskCountsAsync(IamRiskFilter filter, CancellationToken ct = default);
}

/// <summary>The IAM cache in SQLite (the Data layer's queries).</summary>
public sealed class IamQueriesDataSource(IamQueries queries) : IIamDataSource
{
    public Task<IReadOnlyList<IamAccountRow>> GetAccountsAsync(CancellationToken ct = default) => queries.GetAccountsAsync(ct);

    public Task<IamAccountSnapshot?> GetSnapshotAsync(string accountId, CancellationToken ct = default) => queries.GetSnapshotAsync(accountId, ct);

    public Task<IamPrincipalPage> GetPrincipalsAsync(IamPrincipalFilter filter, int skip, int take, CancellationToken ct = default)
        => queries.GetPrincipalsAsync(filter, skip, take, ct);

    public Task<IamRiskPage> GetRisksAsync(IamRiskFilter filter, int skip, int take, CancellationToken ct = default)
        => queries.GetRisksAsync(filter, skip, take, ct);

    public Task<IReadOnlyList<IamRiskCount>> GetRiskCountsAsync(IamRiskFilter filter, CancellationToken ct = default)
        => queries.GetRiskCountsAsync(filter, ct);
}
