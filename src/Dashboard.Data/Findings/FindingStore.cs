using Dashboard.Core.Findings;

namespace Dashboard.Data.Findings;

// CONTRACT ONLY: bodies are written by the Data work.
public sealed class FindingStore
{
    /// <summary>Upserts by (Id, ProductArn) in one transaction; a row whose UpdatedAt and raw JSON are unchanged counts as Unchanged.</summary>
    public Task<UpsertResult> UpsertAsync(IReadOnlyList<FindingRecord> findings, CancellationToken ct = default)
        => throw new NotImplementedException();
}
