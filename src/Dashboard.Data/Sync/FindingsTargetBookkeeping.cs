using Dashboard.Core.Sync;
using Dashboard.Data.Findings;

namespace Dashboard.Data.Sync;

/// <summary>
/// What a findings sync writes about one account-Region besides its findings, in their transaction
/// (<see cref="FindingStore.UpsertAndRecordAsync"/>): the run's row, made by <paramref name="Result"/>
/// from what the upsert did, and the new watermark.
/// </summary>
public sealed record FindingsTargetBookkeeping(long RunId, SyncWatermark Watermark, Func<UpsertResult, SyncTargetResult> Result);
