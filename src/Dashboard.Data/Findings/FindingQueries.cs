using System.Runtime.CompilerServices;
using Dashboard.Core.Findings;

namespace Dashboard.Data.Findings;

// CONTRACT ONLY: bodies are written by the Data work (see the helper brief); signatures are shared with Web.
public sealed class FindingQueries
{
    public Task<FindingPage> GetPageAsync(FindingFilter filter, int skip, int take, CancellationToken ct = default)
        => throw new NotImplementedException();

    public Task<FindingsOverview> GetOverviewAsync(CancellationToken ct = default)
        => throw new NotImplementedException();

    public Task<FindingFilterOptions> GetFilterOptionsAsync(CancellationToken ct = default)
        => throw new NotImplementedException();

    public Task<FindingDetail?> GetDetailAsync(string id, string productArn, CancellationToken ct = default)
        => throw new NotImplementedException();

    public Task<IReadOnlyList<FindingRow>> GetOnSameResourceAsync(string resourceId, string exceptId, string exceptProductArn, int max, CancellationToken ct = default)
        => throw new NotImplementedException();

    public async IAsyncEnumerable<FindingDetail> StreamAsync(FindingFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}
