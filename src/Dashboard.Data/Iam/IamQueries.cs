using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Data.Iam;

// CONTRACT ONLY until the IAM cache lands: signatures are shared with Web.
public sealed class IamQueries
{
    public Task<IReadOnlyList<IamAccountRow>> GetAccountsAsync(CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>The last good snapshot of an account (for principal detail, "can P do A on R", "who can").</summary>
    public Task<IamAccountSnapshot?> GetSnapshotAsync(string accountId, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<IamPrincipalPage> GetPrincipalsAsync(IamPrincipalFilter filter, int skip, int take, CancellationToken ct = default) => throw new NotImplementedException();

    public Task<IamRiskPage> GetRisksAsync(IamRiskFilter filter, int skip, int take, CancellationToken ct = default) => throw new NotImplementedException();

    /// <summary>Counts by rule (with severity), for the risks summary.</summary>
    public Task<IReadOnlyList<IamRiskCount>> GetRiskCountsAsync(IamRiskFilter filter, CancellationToken ct = default) => throw new NotImplementedException();
}
