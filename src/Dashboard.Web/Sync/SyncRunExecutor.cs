using Dashboard.Core.Sync;
using Dashboard.Data.Sync;

namespace Dashboard.Web.Sync;

/// <summary>One unit of a sync run: an account-Region of findings, an account's IAM, the organization.</summary>
public sealed record SyncWorkItem(string Label, Func<CancellationToken, Task<SyncTargetResult>> RunAsync)
{
    /// <summary>The item writes its own row on the run (in the transaction of its data); the executor does not.</summary>
    public bool RecordsOwnResult { get; init; }
}

/// <summary>
/// Owns the life of a sync run: one at a time, the run record, progress for the UI, bounded
/// concurrency over the work items, and the run's final status. Each work item returns its result
/// (recorded here unless the item records it itself) and never throws except for cancellation.
/// </summary>
public sealed class SyncRunExecutor(
    SyncRunStore runStore,
    CacheWriteGate writeGate,
    SyncProgressNotifier notifier,
    TimeProvider time,
    ILogger<SyncRunExecutor> logger)
{
    private readonly SemaphoreSlim _running = new(1, 1);

    public bool IsRunning => _running.CurrentCount == 0;

    /// <summary>
    /// Runs <paramref name="plan"/> (which may do its own first steps and returns the parallel work);
    /// returns null when a run is already in progress.
    /// </summary>
    public async Task<SyncRunSummary?> RunAsync(
        string trigger,
        int maxConcurrency,
        Func<long, CancellationToken, Task<SyncPlan>> plan,
        CancellationToken ct)
    {
        if (!await _running.WaitAsync(0, ct)) return null;
        try
        {
            return await RunExclusiveAsync(trigger, maxConcurrency, plan, ct);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<SyncRunSummary?> RunExclusiveAsync(
        string trigger, int maxConcurrency, Func<long, CancellationToken, Task<SyncPlan>> plan, CancellationToken ct)
    {
        var startedAt = time.GetUtcNow();
        var runId = await runStore.StartRunAsync(trigger, startedAt, ct);
        notifier.Publish(new SyncProgress(true, runId, trigger, 0, 0, 0, 0, "planning", startedAt));

        var results = new List<SyncTargetResult>();
        string? runError = null;
        var planned = 0;
        try
        {
            var work = await plan(runId, ct);
            foreach (var early in work.Completed)
            {
                await writeGate.WriteAsync(() => runStore.RecordTargetAsync(runId, early, CancellationToken.None), CancellationToken.None);
                results.Add(early);
            }
            planned = work.Items.Count;
            logger.LogInformation("Sync run {RunId} ({Trigger}) started over {Count} work items", runId, trigger, planned);
            var progress = new ProgressCounter(notifier, runId, trigger, planned, startedAt);
            progress.Publish(null);
            await Parallel.ForEachAsync(
                work.Items,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = ct },
                async (item, token) =>
                {
                    progress.Publish(item.Label);
                    var result = await item.RunAsync(token);
                    // Through the gate: a second writer would meet SQLite's lock and Microsoft.Data.Sqlite's 150 ms busy sleep.
                    if (!item.RecordsOwnResult)
                        await writeGate.WriteAsync(() => runStore.RecordTargetAsync(runId, result, CancellationToken.None), CancellationToken.None);
                    lock (results) results.Add(result);
                    progress.Done(result);
                });
            runError = work.Error;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            runError = "The sync was cancelled (the application is stopping).";
        }

        // Accounts an Admin excluded are on the record but decide nothing.
        var visited = results.Where(r => r.Status != SyncTargetStatus.Skipped).ToList();
        var succeeded = visited.Count(r => r.Status == SyncTargetStatus.Succeeded);
        var status = visited.Count == 0 ? SyncRunStatus.Failed
            : succeeded == visited.Count && runError is null ? SyncRunStatus.Succeeded
            : succeeded > 0 ? SyncRunStatus.PartiallySucceeded
            : SyncRunStatus.Failed;
        if (visited.Count == 0 && runError is null && results.Count > 0)
            runError = "Nothing to sync: an Admin excluded every account (see the Admin page).";
        else if (results.Count == 0 && runError is null)
            runError = "Nothing to sync: configure Aws:Accounts and Aws:Regions (or account discovery).";

        await runStore.FinishRunAsync(runId, status, time.GetUtcNow(), runError, CancellationToken.None);
        notifier.Publish(SyncProgress.Idle);
        logger.LogInformation("Sync run {RunId} finished: {Status}", runId, status);
        return await runStore.GetRunAsync(runId, CancellationToken.None);
    }

    private sealed class ProgressCounter(SyncProgressNotifier notifier, long runId, string trigger, int total, DateTimeOffset startedAt)
    {
        private readonly Lock _gate = new();
        private int _done, _failed, _stored;

        public void Publish(string? current)
        {
            lock (_gate) notifier.Publish(new SyncProgress(true, runId, trigger, total, _done, _failed, _stored, current, startedAt));
        }

        public void Done(SyncTargetResult result)
        {
            lock (_gate)
            {
                _done++;
                if (result.Status == SyncTargetStatus.Failed) _failed++;
                _stored += result.New + result.Updated;
                notifier.Publish(new SyncProgress(true, runId, trigger, total, _done, _failed, _stored, null, startedAt));
            }
        }
    }
}

/// <summary>What a run will do: results of steps already done while planning, then the parallel work.</summary>
public sealed record SyncPlan(IReadOnlyList<SyncWorkItem> Items)
{
    public IReadOnlyList<SyncTargetResult> Completed { get; init; } = [];

    /// <summary>A run-level problem found while planning (kept on the run record).</summary>
    public string? Error { get; init; }
}
