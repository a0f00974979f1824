using System.Diagnostics;
using Dashboard.Aws.SecurityHub;
using Dashboard.Core.Findings;
using Dashboard.Core.Sync;
using Dashboard.Data.Findings;
using Dashboard.Data.Sync;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Sync;

/// <summary>
/// Runs one sync of Security Hub findings: every account-Region target concurrently (bounded), each
/// read incrementally from its UpdatedAt watermark or, periodically, as a full refresh of ACTIVE
/// findings. A target's findings are stored in one transaction only after all its pages were read,
/// so a failed target keeps exactly what the cache had before.
/// </summary>
public sealed class FindingsSyncService(
    SyncTargetSource targets,
    SecurityHubFindingsCollector collector,
    FindingStore findingStore,
    SyncRunStore runStore,
    SyncProgressNotifier notifier,
    IOptions<DashboardOptions> options,
    TimeProvider time,
    ILogger<FindingsSyncService> logger)
{
    /// <summary>Re-read a little before the watermark: providers set UpdatedAt themselves and may report late.</summary>
    internal static readonly TimeSpan WatermarkOverlap = TimeSpan.FromMinutes(5);
    private const int MaxRejectionSamples = 5;

    private readonly SemaphoreSlim _running = new(1, 1);
    // SQLite has one writer; targets read concurrently but store one at a time.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public bool IsRunning => _running.CurrentCount == 0;

    /// <summary>Runs a sync; returns null when one is already running.</summary>
    public async Task<SyncRunSummary?> RunAsync(string trigger, CancellationToken ct)
    {
        if (!await _running.WaitAsync(0, ct)) return null;
        try
        {
            return await RunExclusiveAsync(trigger, ct);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<SyncRunSummary?> RunExclusiveAsync(string trigger, CancellationToken ct)
    {
        var startedAt = time.GetUtcNow();
        var runId = await runStore.StartRunAsync(trigger, startedAt, ct);
        var list = targets.GetTargets();
        logger.LogInformation("Sync run {RunId} ({Trigger}) started over {Count} account-Regions", runId, trigger, list.Count);

        var progress = new ProgressCounter(notifier, runId, trigger, list.Count, startedAt);
        progress.Publish(null);

        var results = new List<SyncTargetResult>();
        string? runError = null;
        try
        {
            await Parallel.ForEachAsync(
                list,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, targets.MaxConcurrency), CancellationToken = ct },
                async (target, token) =>
                {
                    progress.Publish($"{target.AccountId}/{target.Region}");
                    var result = await SyncTargetAsync(target, token);
                    await runStore.RecordTargetAsync(runId, result, CancellationToken.None);
                    lock (results) results.Add(result);
                    progress.Done(result);
                });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            runError = "The sync was cancelled (the application is stopping).";
        }

        var status = results.Count == 0 || runError is not null
            ? (results.Any(r => r.Status == SyncTargetStatus.Succeeded) ? SyncRunStatus.PartiallySucceeded : SyncRunStatus.Failed)
            : results.All(r => r.Status == SyncTargetStatus.Succeeded) ? SyncRunStatus.Succeeded
            : results.Any(r => r.Status == SyncTargetStatus.Succeeded) ? SyncRunStatus.PartiallySucceeded
            : SyncRunStatus.Failed;
        if (list.Count == 0)
        {
            status = SyncRunStatus.Failed;
            runError = "No account-Region to sync: configure Aws:Accounts and Aws:Regions.";
        }

        await runStore.FinishRunAsync(runId, status, time.GetUtcNow(), runError, CancellationToken.None);
        notifier.Publish(SyncProgress.Idle);
        logger.LogInformation("Sync run {RunId} finished: {Status}", runId, status);
        return await runStore.GetRunAsync(runId, CancellationToken.None);
    }

    /// <summary>Reads one account-Region and stores it; never throws except for cancellation.</summary>
    internal async Task<SyncTargetResult> SyncTargetAsync(SyncTarget target, CancellationToken ct)
    {
        var startedAt = time.GetUtcNow();
        var watermark = await runStore.GetWatermarkAsync(target.AccountId, target.Region, ct);
        var fullRefresh = watermark?.LastFullRefreshAt is null
            || startedAt - watermark.LastFullRefreshAt.Value >= options.Value.FullRefreshInterval;
        var query = new FindingsQuery
        {
            // The first read takes everything (archived too); later full refreshes re-read ACTIVE
            // findings to catch workflow changes that BatchUpdateFindings made without moving UpdatedAt.
            ActiveOnly = fullRefresh && watermark is not null,
            UpdatedAfter = fullRefresh ? null : watermark!.LastUpdatedAt - WatermarkOverlap,
            // A delegated administrator (or the demo's management account) sees member findings too.
            AwsAccountIdFilter = target.AccountId,
        };

        var records = new List<FindingRecord>();
        var rejections = new List<string>();
        int rejected = 0, retries = 0, pages = 0;
        DateTimeOffset? maxUpdatedAt = watermark?.LastUpdatedAt;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await foreach (var page in collector.CollectAsync(target, query, ct))
            {
                using (page)
                {
                    pages++;
                    retries += page.Retries;
                    foreach (var element in page.Findings)
                    {
                        var parsed = AsffFindingParser.Parse(element);
                        if (parsed.IsSuccess && parsed.Record is { } record)
                        {
                            records.Add(record);
                            if (maxUpdatedAt is null || record.UpdatedAt > maxUpdatedAt) maxUpdatedAt = record.UpdatedAt;
                        }
                        else
                        {
                            rejected++;
                            var reason = $"{parsed.FindingId ?? "(no Id)"}: {parsed.Error}";
                            logger.LogWarning("Rejected a finding from {Account}/{Region}: {Reason}", target.AccountId, target.Region, reason);
                            if (rejections.Count < MaxRejectionSamples) rejections.Add(reason);
                        }
                    }
                }
            }

            UpsertResult stored;
            await _writer.WaitAsync(ct);
            try
            {
                stored = await findingStore.UpsertAsync(records, ct);
            }
            finally
            {
                _writer.Release();
            }

            var finishedAt = time.GetUtcNow();
            await runStore.SetWatermarkAsync(new SyncWatermark(
                target.AccountId, target.Region, maxUpdatedAt,
                fullRefresh ? startedAt : watermark?.LastFullRefreshAt), ct);
            logger.LogInformation(
                "Synced {Account}/{Region} ({Mode}): {Pages} pages, {New} new, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, {Retries} retries in {Elapsed} ms",
                target.AccountId, target.Region, fullRefresh ? "full" : "incremental", pages, stored.New, stored.Updated, stored.Unchanged, rejected, retries, stopwatch.ElapsedMilliseconds);
            return new SyncTargetResult
            {
                AccountId = target.AccountId, Region = target.Region, Status = SyncTargetStatus.Succeeded,
                FullRefresh = fullRefresh, New = stored.New, Updated = stored.Updated, Unchanged = stored.Unchanged,
                Rejected = rejected, Retries = retries, Pages = pages, RejectionSamples = rejections,
                StartedAt = startedAt, FinishedAt = finishedAt,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = SyncErrors.Describe(ex);
            logger.LogError("Sync of {Account}/{Region} failed; its cached findings are kept: {Error}", target.AccountId, target.Region, error);
            return new SyncTargetResult
            {
                AccountId = target.AccountId, Region = target.Region, Status = SyncTargetStatus.Failed,
                FullRefresh = fullRefresh, Rejected = rejected, Retries = retries, Pages = pages,
                Error = error, RejectionSamples = rejections,
                StartedAt = startedAt, FinishedAt = time.GetUtcNow(),
            };
        }
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
