using Dashboard.Core.Sync;

namespace Dashboard.Data.Sync;

// CONTRACT ONLY: bodies are written by the Data work.
public sealed class SyncRunStore
{
    public Task<long> StartRunAsync(string trigger, DateTimeOffset startedAt, CancellationToken ct = default) => throw new NotImplementedException();
    public Task RecordTargetAsync(long runId, SyncTargetResult result, CancellationToken ct = default) => throw new NotImplementedException();
    public Task FinishRunAsync(long runId, SyncRunStatus status, DateTimeOffset finishedAt, string? error, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<SyncWatermark?> GetWatermarkAsync(string accountId, string region, CancellationToken ct = default) => throw new NotImplementedException();
    public Task SetWatermarkAsync(SyncWatermark watermark, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<IReadOnlyList<SyncRunSummary>> GetRecentRunsAsync(int take, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<SyncRunSummary?> GetRunAsync(long id, CancellationToken ct = default) => throw new NotImplementedException();
    public Task<SyncRunSummary?> GetLastRunAsync(CancellationToken ct = default) => throw new NotImplementedException();
}
