using System.Diagnostics;
using Dashboard.Benchmarks.Running;

namespace Dashboard.Benchmarks.Measurements;

/// <summary>
/// 4. The next sync after the providers re-evaluated 1% of the findings: each account-Region reads
/// only findings updated since its watermark (minus the sync's 5-minute overlap) and upserts them.
/// </summary>
internal static class IncrementalSyncMeasurement
{
    public const double ChangedFraction = 0.01;

    public sealed record Result(int Touched, int Updated, int Unchanged, int New, TimeSpan Elapsed, int Pages);

    public static async Task<Result> RunAsync(DemoCache cache, CancellationToken ct)
    {
        // The stand-in stamps UpdatedAt with this instant; the sync's UpdatedAt window ends at its own
        // (later) "now", so every touched finding is inside it.
        var touched = cache.StandIn.Data.TouchFindings(ChangedFraction, cache.Time.GetUtcNow());

        var stopwatch = Stopwatch.StartNew();
        var run = await cache.Sync.RunAsync("benchmark-incremental", ct);
        stopwatch.Stop();

        run = SyncRuns.RequireSucceeded(run, "incremental sync");
        if (run.Targets.Any(t => t.FullRefresh))
            throw new InvalidOperationException("The second sync did a full refresh; it should have been incremental (FullRefreshInterval is a day).");
        return new Result(touched, run.Updated, run.Unchanged, run.New, stopwatch.Elapsed, run.Targets.Sum(t => t.Pages));
    }
}
