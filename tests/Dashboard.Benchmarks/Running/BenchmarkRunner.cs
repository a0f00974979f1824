using Dashboard.Benchmarks.Measurements;
using Dashboard.Benchmarks.Measuring;
using Dashboard.Benchmarks.Reporting;
using Microsoft.Data.Sqlite;

namespace Dashboard.Benchmarks.Running;

/// <summary>Runs every measurement of issue 2 §8 in one process, in order, and reports each figure against its target.</summary>
internal sealed class BenchmarkRunner(BenchmarkOptions options)
{
    private const double PageP95TargetMs = 30;
    private const double OverviewP95TargetMs = 100;
    private const double PageGrowthTarget = 1.5;
    private const double SyncToBaselineTarget = 0.5;
    private const double IncrementalShareTarget = 0.05;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var machine = MachineInfo.Read();
        if (options.IamOnly) return await RunIamOnlyAsync(machine, ct);
        var n = options.Findings;
        Console.WriteLine($"Dashboard benchmark: {n:N0} findings, {DemoCache.Accounts} accounts × 3 Regions");
        foreach (var (name, value) in machine.Rows()) Console.WriteLine($"  {name}: {value}");

        var ownsWork = options.WorkDirectory is null;
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), $"dashboard-benchmark-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        Console.WriteLine($"  Work folder: {work}");

        var report = new ResultReport(machine, n);
        try
        {
            await MeasureAsync(report, work, ct);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!options.Keep) DeleteWork(work, ownsWork);
        }

        if (options.Iam) await IamBenchmark.RunAsync(options, report, ct);

        report.Add(new Figure("Peak working set of the process (whole run)", Mebibytes(WorkingSetSampler.PeakSinceStart()),
            Note: "Process.PeakWorkingSet64 at the end of the run."));
        report.Note("The benchmark process hosts the services the web process runs (sync, AWS clients, SQLite cache, queries; not the Blazor circuits), plus, as in demo mode, the in-process stand-in serving every finding.");
        report.Note($"Sync settings: Aws:FindingsRequestsPerSecond 100 and Aws:FindingsBurst 100 per account-Region (the configuration validator's ceiling; Security Hub's documented limit is 3/s, burst 6), Aws:MaxConcurrency 4, Server GC as in the web app.");
        report.Note("The 2-core machine was shared with other work during the run (see the load average); the stand-in renders its pages on the same cores as the sync.");
        report.PrintSummary();

        if (options.OutFile is { } outFile)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(outFile)!);
            await File.WriteAllTextAsync(outFile, report.ToMarkdown(), ct);
            Console.WriteLine($"Markdown written to {outFile}");
        }

        return 0;
    }

    /// <summary>Only the IAM figures of issue 4 §6 (no stand-in, no cache).</summary>
    private async Task<int> RunIamOnlyAsync(MachineInfo machine, CancellationToken ct)
    {
        var principals = options.IamAccounts * options.IamPrincipals;
        Console.WriteLine($"Dashboard IAM benchmark: {principals:N0} principals ({options.IamAccounts} accounts × {options.IamPrincipals:N0})");
        foreach (var (name, value) in machine.Rows()) Console.WriteLine($"  {name}: {value}");
        var report = new ResultReport(machine, 0,
            $"IAM benchmark with {principals:N0} principals ({options.IamAccounts} accounts × {options.IamPrincipals:N0}), one run of `dotnet run -c Release --project tests/Dashboard.Benchmarks -- --iam-only`.");
        await IamBenchmark.RunAsync(options, report, ct);
        report.Add(new Figure("Peak working set of the process (whole run)", Mebibytes(WorkingSetSampler.PeakSinceStart()),
            Note: "Process.PeakWorkingSet64 at the end of the run."));
        report.Note("Server GC as in the web app. The 2-core machine was shared with other work during the run (see the load average).");
        report.PrintSummary();
        if (options.OutFile is { } outFile)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(outFile)!);
            await File.WriteAllTextAsync(outFile, report.ToMarkdown(), ct);
            Console.WriteLine($"Markdown written to {outFile}");
        }

        return 0;
    }

    private async Task MeasureAsync(ResultReport report, string work, CancellationToken ct)
    {
        var n = options.Findings;

        Step($"1. Generating {n:N0} findings in the stand-in");
        var generation = GenerationMeasurement.Run(n);
        report.Add(new Figure("Stand-in generation", $"{generation.Elapsed.TotalSeconds:F2} s ({n / generation.Elapsed.TotalSeconds:N0} findings/s)"));

        Step($"5a. Query times at {BenchmarkOptions.SmallCacheFindings:N0} findings (cache built by syncing a {BenchmarkOptions.SmallCacheFindings:N0}-finding stand-in)");
        QueryLatencyMeasurement.Result small;
        await using (var smallCache = await DemoCache.StartAsync(BenchmarkOptions.SmallCacheFindings, Path.Combine(work, "cache-1k"), ct))
        {
            SyncRuns.RequireSucceeded(await smallCache.Sync.RunAsync("benchmark-1k", ct), "1k sync");
            small = await QueryLatencyMeasurement.RunAsync(smallCache.Queries, options.Warmup, options.Iterations, ct);
        }

        AddQueryFigures(report, small, "1k");

        Step($"2. Full sync of {n:N0} findings through the real path (stand-in over HTTP, SigV4, paging, parsing, upsert)");
        await using var cache = await DemoCache.StartAsync(n, Path.Combine(work, "cache"), ct);
        var full = await FullSyncMeasurement.RunAsync(cache, n, ct);
        report.Add(new Figure("Full sync", $"{full.FindingsPerSecond:N0} findings/s ({full.Elapsed.TotalSeconds:F1} s)",
            Note: $"{full.Targets} account-Regions, {full.Pages:N0} pages, {full.Retries} retries, {full.Rejected} rejected"));
        report.Add(new Figure("Peak working set during the full sync", Mebibytes(full.PeakWorkingSet), Note: "sampled every 200 ms"));

        // Straight after the full sync: the baseline's gigabytes of CSV and database files would push the
        // cache out of the OS page cache, and the incremental sync would be timed reading it back from disk.
        Step($"3. Incremental sync with {Percent(IncrementalSyncMeasurement.ChangedFraction, 0)} of the findings changed"
            + (options.ColdIncremental ? ", the cache evicted from the OS page cache first" : ""));
        var incremental = await IncrementalSyncMeasurement.RunAsync(cache, options.ColdIncremental, ct);
        var share = incremental.Elapsed / full.Elapsed;
        report.Add(new Figure("Incremental sync (1% changed)",
            $"{incremental.Elapsed.TotalSeconds:F2} s = {Percent(share, 1)} of the full sync",
            $"≤ {Percent(IncrementalShareTarget, 0)} of full ({(full.Elapsed * IncrementalShareTarget).TotalSeconds:F1} s)",
            Figure.Check(share <= IncrementalShareTarget),
            $"{incremental.Touched:N0} touched in the stand-in; {incremental.Updated:N0} updated, {incremental.Unchanged:N0} unchanged (the 5-minute watermark overlap), {incremental.New:N0} new, {incremental.Pages:N0} pages; {DiskReads(incremental)}"));
        if (incremental.Updated != incremental.Touched)
            report.Note($"The incremental sync updated {incremental.Updated:N0} findings while the stand-in changed {incremental.Touched:N0}.");

        Step("4. Baseline: the same rows bulk-loaded by the sqlite3 shell's .import");
        var baseline = await SqliteImportBaseline.RunAsync(cache.DatabasePath, work, options.Keep, ct);
        AddBaselineFigures(report, full, baseline);

        Step($"5b. Query times at {n:N0} findings");
        var large = await QueryLatencyMeasurement.RunAsync(cache.Queries, options.Warmup, options.Iterations, ct);
        AddQueryFigures(report, large, FormatSize(n));
        var growth = large.Page.P95 / small.Page.P95;
        report.Add(new Figure($"Findings page p95 at {FormatSize(n)} ÷ at 1k", $"{growth:F2}×", $"≤ {PageGrowthTarget}×", Figure.Check(growth <= PageGrowthTarget)));

        if (options.BreakdownTargets > 0)
        {
            Step($"Profile: {options.BreakdownTargets} account-Regions re-read phase by phase");
            var breakdown = await SyncPhaseBreakdown.RunAsync(cache, options.BreakdownTargets, Path.Combine(work, "breakdown"), ct);
            foreach (var (phase, time) in new[] { ("fetch (limiter, signing, HTTP, stand-in rendering, page JSON)", breakdown.Fetch), ("parse (ASFF to record)", breakdown.Parse), ("upsert (FindingStore)", breakdown.Upsert) })
            {
                report.Add(new Figure($"Sync phase: {phase}",
                    $"{time.TotalSeconds:F2} s, {breakdown.PerSecond(time):N0} findings/s, {Percent(breakdown.Share(time), 0)} of the phases",
                    Note: $"one account-Region at a time, {breakdown.Findings:N0} findings in {breakdown.Targets} account-Regions"));
            }

            report.Add(new Figure("Sync phase: of which the stand-in rendering the same number of findings",
                $"{breakdown.StandInRendering.TotalSeconds:F2} s, {breakdown.PerSecond(breakdown.StandInRendering):N0} findings/s",
                Note: "StandInDataSet.GetFindingJson in a loop: work that real AWS does on its own servers, here on the same cores"));
        }
    }

    private static void AddQueryFigures(ResultReport report, QueryLatencyMeasurement.Result result, string size)
    {
        report.Add(new Figure($"Findings page at {size} (50 rows, CRITICAL+HIGH, 1 account, by severity)",
            $"p95 {result.Page.P95:F2} ms, p50 {result.Page.P50:F2} ms",
            $"p95 ≤ {PageP95TargetMs} ms", Figure.Check(result.Page.P95 <= PageP95TargetMs),
            $"{result.Page.Count} calls after warm-up; account {result.AccountId} with {result.MatchingFindings:N0} matching findings; max {result.Page.Max:F2} ms"));
        report.Add(new Figure($"Overview at {size}",
            $"p95 {result.Overview.P95:F2} ms, p50 {result.Overview.P50:F2} ms",
            $"p95 ≤ {OverviewP95TargetMs} ms", Figure.Check(result.Overview.P95 <= OverviewP95TargetMs),
            $"{result.Overview.Count} calls after warm-up over {result.TotalActive:N0} active findings; max {result.Overview.Max:F2} ms"));
    }

    private static void AddBaselineFigures(ResultReport report, FullSyncMeasurement.Result full, SqliteImportBaseline.Result baseline)
    {
        if (!baseline.Measured)
        {
            Console.WriteLine($"  Baseline skipped: {baseline.SkipReason}");
            report.Add(new Figure("Baseline: sqlite3 .import", "not measured", "—", Verdict.Skipped, baseline.SkipReason));
            report.Add(new Figure("Full sync ÷ baseline", "not measured", $"≥ {SyncToBaselineTarget}×", Verdict.Skipped, baseline.SkipReason));
            return;
        }

        report.Add(new Figure("Baseline: sqlite3 .import of the same rows",
            $"{baseline.RowsPerSecond:N0} findings/s ({baseline.ImportTime.TotalSeconds:F1} s)",
            Note: $"sqlite3 {baseline.CliVersion}; {baseline.Rows:N0} Findings rows + as many FindingJson rows from {baseline.CsvBytes / 1024.0 / 1024:N0} MiB of CSV, same DDL and indexes, same pragmas; NULL columns arrive as empty text; summary tables not maintained"
                + (baseline.CliWarnings is null ? "" : $"; sqlite3 warned: {baseline.CliWarnings}")));
        var ratio = full.FindingsPerSecond / baseline.RowsPerSecond;
        report.Add(new Figure("Full sync ÷ baseline", $"{ratio:F2}×", $"≥ {SyncToBaselineTarget}×", Figure.Check(ratio >= SyncToBaselineTarget)));
    }

    private static void Step(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"[{TimeProvider.System.GetLocalNow():HH:mm:ss}] {title}");
    }

    private static string FormatSize(int findings) => findings switch
    {
        >= 1_000_000 when findings % 1_000_000 == 0 => $"{findings / 1_000_000}M",
        >= 1_000 when findings % 1_000 == 0 => $"{findings / 1_000}k",
        _ => findings.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Percent(double fraction, int decimals)
        => (fraction * 100).ToString("F" + decimals, System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static string DiskReads(IncrementalSyncMeasurement.Result r)
        => (r.DiskReadBytes is { } bytes ? $"{Mebibytes(bytes)} read from disk" : "disk reads not measured")
            + (r.ColdCache ? " (cache evicted from the OS page cache first)" : " (cache as the full sync left it in the OS page cache)");

    private static string Mebibytes(long bytes) => $"{bytes / 1024.0 / 1024:N0} MiB";

    private static void DeleteWork(string work, bool ownsWork)
    {
        try
        {
            if (ownsWork) Directory.Delete(work, recursive: true);
            else
            {
                foreach (var folder in new[] { "cache-1k", "cache", "breakdown", "baseline" }.Select(f => Path.Combine(work, f)).Where(Directory.Exists))
                    Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not delete the work folder {work}: {ex.Message}");
        }
    }
}
