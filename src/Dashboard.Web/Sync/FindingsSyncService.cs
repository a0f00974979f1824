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
/// Syncs Security Hub findings of account-Regions, each read incrementally from its UpdatedAt
/// watermark or, periodically, as a full refresh of ACTIVE findings. A target's findings are stored
/// in one transaction only after all its pages were read, so a failed target keeps exactly what the
/// cache had before. <see cref="RunAsync"/> runs a findings-only sync; the full sync is <see cref="DashboardSync"/>.
/// </summary>
public sealed class FindingsSyncService(
    SyncTargetSource targets,
    SecurityHubFindingsCollector collector,
    FindingStore findingStore,
    SyncRunStore runStore,
    SyncRunExecutor executor,
    CacheWriteGate writeGate,
    IOptions<DashboardOptions> options,
    TimeProvider time,
    ILogger<FindingsSyncService> logger)
{
    /// <summary>Re-read a little before the watermark: providers set UpdatedAt themselves and may report late.</summary>
    internal static readonly TimeSpan WatermarkOverlap = TimeSpan.FromMinutes(5);
    private const int MaxRejectionSamples = 5;

    public bool IsRunning => executor.IsRunning;

    /// <summary>Runs a findings-only sync of the configured targets; returns null when a sync is already running.</summary>
    public Task<SyncRunSummary?> RunAsync(string trigger, CancellationToken ct)
        => executor.RunAsync(trigger, targets.MaxConcurrency, async (runId, token) =>
        {
            var list = await targets.GetFindingsTargetsAsync(token);
            return new SyncPlan([.. list.Select(target => WorkItem(target, runId))]);
        }, ct);

    /// <summary>One account-Region as a work item of run <paramref name="runId"/>; it records its own result on the run.</summary>
    public SyncWorkItem WorkItem(SyncTarget target, long runId)
        => new($"findings {target.AccountId}/{target.Region}", token => SyncTargetAsync(target, runId, token)) { RecordsOwnResult = true };

    /// <summary>
    /// Reads one account-Region and stores its findings, its row on the run and its watermark in one
    /// transaction; a failure is recorded on the run instead. Never throws except for cancellation.
    /// </summary>
    internal async Task<SyncTargetResult> SyncTargetAsync(SyncTarget target, long runId, CancellationToken ct)
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

        var records = new FetchedFindings();
        var rejections = new List<string>();
        int rejected = 0, retries = 0, pages = 0;
        DateTimeOffset? maxUpdatedAt = watermark?.LastUpdatedAt;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await using var reader = collector.CollectAsync(target, query, ct).GetAsyncEnumerator(ct);
            while (true)
            {
                // Taken before the page's request (rate limiter and retries included): the store compares it with
                // the dashboard's workflow changes, and an earlier time only errs towards keeping those.
                var fetchedAt = time.GetUtcNow();
                if (!await reader.MoveNextAsync()) break;
                using (var page = reader.Current)
                {
                    pages++;
                    retries += page.Retries;
                    foreach (var element in page.Findings)
                    {
                        var parsed = AsffFindingParser.Parse(element);
                        if (parsed.IsSuccess && parsed.Record is { } record)
                        {
                            records.Add(record, fetchedAt);
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

            var watermarkAfter = new SyncWatermark(
                target.AccountId, target.Region, maxUpdatedAt, fullRefresh ? startedAt : watermark?.LastFullRefreshAt);
            var bookkeeping = new FindingsTargetBookkeeping(runId, watermarkAfter, stored => new SyncTargetResult
            {
                AccountId = target.AccountId, Region = target.Region, Status = SyncTargetStatus.Succeeded,
                FullRefresh = fullRefresh, New = stored.New, Updated = stored.Updated, Unchanged = stored.Unchanged,
                Rejected = rejected, Retries = retries, Pages = pages, RejectionSamples = rejections,
                StartedAt = startedAt, FinishedAt = time.GetUtcNow(),
            });
            var result = await writeGate.WriteAsync(() => findingStore.UpsertAndRecordAsync(records, bookkeeping, ct), ct);

            logger.LogInformation(
                "Synced {Account}/{Region} ({Mode}): {Pages} pages, {New} new, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, {Retries} retries in {Elapsed} ms",
                target.AccountId, target.Region, fullRefresh ? "full" : "incremental", pages, result.New, result.Updated, result.Unchanged, rejected, retries, stopwatch.ElapsedMilliseconds);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = SyncErrors.Describe(ex);
            logger.LogError("Sync of {Account}/{Region} failed; its cached findings are kept: {Error}", target.AccountId, target.Region, error);
            var failed = new SyncTargetResult
            {
                AccountId = target.AccountId, Region = target.Region, Status = SyncTargetStatus.Failed,
                FullRefresh = fullRefresh, Rejected = rejected, Retries = retries, Pages = pages,
                Error = error, RejectionSamples = rejections,
                StartedAt = startedAt, FinishedAt = time.GetUtcNow(),
            };
            await writeGate.WriteAsync(() => runStore.RecordTargetAsync(runId, failed, CancellationToken.None), CancellationToken.None);
            return failed;
        }
    }
}
