using System.Diagnostics;
using Dashboard.Benchmarks.Measuring;
using Dashboard.Benchmarks.Running;

namespace Dashboard.Benchmarks.Measurements;

/// <summary>
/// 3. The next sync after the providers re-evaluated 1% of the findings: each account-Region reads
/// only findings updated since its watermark (minus the sync's 5-minute overlap) and upserts them.
/// It runs straight after the full sync, so the cache is in the OS page cache as a server that syncs
/// and serves it would have it, unless the cold-cache option evicts it first.
/// </summary>
internal static class IncrementalSyncMeasurement
{
    public const double ChangedFraction = 0.01;

    /// <param name="DiskReadBytes">What the process read from storage meanwhile (null where unknown): the cache's pages the OS did not hold.</param>
    /// <param name="ColdCache">The cache's files were evicted from the OS page cache first.</param>
    public sealed record Result(int Touched, int Updated, int Unchanged, int New, TimeSpan Elapsed, int Pages, long? DiskReadBytes, bool ColdCache);

    /// <param name="coldCache">Evict the cache's files from the OS page cache first, as after a reboot or under memory pressure.</param>
    public static async Task<Result> RunAsync(DemoCache cache, bool coldCache, CancellationToken ct)
    {
        // The stand-in stamps UpdatedAt with this instant; the sync's UpdatedAt window ends at its own
        // (later) "now", so every touched finding is inside it.
        var touched = cache.StandIn.Data.TouchFindings(ChangedFraction, cache.Time.GetUtcNow());
        if (coldCache)
        {
            if (!PageCache.Evict(cache.DatabasePath))
                throw new InvalidOperationException("Could not evict the cache from the OS page cache (Linux only).");
            PageCache.Evict(cache.DatabasePath + "-wal");
        }

        var readBefore = PageCache.DiskReadBytes();
        var stopwatch = Stopwatch.StartNew();
        var run = await cache.Sync.RunAsync("benchmark-incremental", ct);
        stopwatch.Stop();
        var diskReads = PageCache.DiskReadBytes() - readBefore;

        run = SyncRuns.RequireSucceeded(run, "incremental sync");
        if (run.Targets.Any(t => t.FullRefresh))
            throw new InvalidOperationException("The second sync did a full refresh; it should have been incremental (FullRefreshInterval is a day).");
        return new Result(touched, run.Updated, run.Unchanged, run.New, stopwatch.Elapsed, run.Targets.Sum(t => t.Pages), diskReads, coldCache);
    }
}
