using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks;

namespace Dashboard.Data.Iam;

// CONTRACT ONLY until the IAM cache lands.
public sealed class IamStore
{
    /// <summary>
    /// Replaces the account's cached snapshot, principals and risk results in one transaction. An
    /// account whose collection failed is simply not saved, so it keeps its last good data.
    /// </summary>
    public Task SaveAsync(IamAccountSnapshot snapshot, IReadOnlyList<RiskResult> risks, long? syncRunId, CancellationToken ct = default)
        => throw new NotImplementedException();
}
