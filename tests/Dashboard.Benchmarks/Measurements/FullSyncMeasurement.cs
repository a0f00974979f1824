using System.Diagnostics;
using Dashboard.Benchmarks.Measuring;
using Dashboard.Benchmarks.Running;

namespace Dashboard.Benchmarks.Measurements;

/// <summary>
/// 2. A first (full) sync into the empty cache through the real path: SigV4-signed GetFindings over
/// HTTP from the stand-in, paging, ASFF parsing, upsert with the summary tables. The working set is
/// sampled meanwhile.
/// </summary>
internal static class FullSyncMeasurement
{
    public sealed record Result(int Stored, TimeSpan Elapsed, long PeakWorkingSet, int Pages, int Retries, int Rejected, int Targets)
    {
        public double FindingsPerSecond => Stored / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(DemoCache cache, int expected, CancellationToken ct)
    {
        await using var sampler = WorkingSetSampler.Start(TimeSpan.FromMilliseconds(200));
        var stopwatch = Stopwatch.StartNew();
        var run = await cache.Sync.RunAsync("benchmark-full", ct);
        stopwatch.Stop();
        var peak = await sampler.StopAsync();

        run = SyncRuns.RequireSucceeded(run, "full sync");
        if (run.New != expected)
            throw new InvalidOperationException($"The full sync stored {run.New:N0} new findings, expected {expected:N0} ({run.Rejected:N0} rejected).");
        if (run.Targets.Any(t => !t.FullRefresh))
            throw new InvalidOperationException("The first sync was not a full read of every account-Region.");
        return new Result(run.New, stopwatch.Elapsed, peak, run.Targets.Sum(t => t.Pages), run.Retries, run.Rejected, run.Targets.Count);
    }
}
