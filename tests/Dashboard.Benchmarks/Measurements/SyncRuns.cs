using Dashboard.Core.Sync;

namespace Dashboard.Benchmarks.Measurements;

internal static class SyncRuns
{
    /// <summary>A benchmark over a failed sync would measure nothing: stop with what went wrong.</summary>
    public static SyncRunSummary RequireSucceeded(SyncRunSummary? run, string what)
    {
        if (run is null) throw new InvalidOperationException($"The {what} did not start: another sync was already running.");
        if (run.Status == SyncRunStatus.Succeeded) return run;
        var errors = run.Targets.Where(t => t.Status == SyncTargetStatus.Failed)
            .Select(t => $"{t.AccountId}/{t.Region}: {t.Error}")
            .Prepend(run.Error)
            .OfType<string>()
            .Take(5);
        throw new InvalidOperationException($"The {what} ended {run.Status}: {string.Join("; ", errors)}");
    }
}
