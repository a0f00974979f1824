using System.Diagnostics;
using Dashboard.Benchmarks.Measuring;
using Dashboard.Core.Findings;
using Dashboard.Data.Findings;

namespace Dashboard.Benchmarks.Measurements;

/// <summary>
/// 5. What the two main pages cost per load: the findings page query (first 50 rows, severity
/// CRITICAL+HIGH and one account, sorted by severity) and the overview, each timed call by call after
/// a warm-up, through the same FindingQueries the pages use.
/// </summary>
internal static class QueryLatencyMeasurement
{
    public const int PageSize = 50;

    public sealed record Result(string AccountId, int MatchingFindings, int RowsReturned, int TotalActive, Stats Page, Stats Overview);

    public static async Task<Result> RunAsync(FindingQueries queries, int warmup, int iterations, CancellationToken ct)
    {
        // The account with the most active findings: the heaviest single-account page.
        var overview = await queries.GetOverviewAsync(ct);
        var account = overview.ByAccount.FirstOrDefault()?.Key
            ?? throw new InvalidOperationException("The cache has no active findings to query.");
        var filter = new FindingFilter
        {
            Severities = [Severity.Critical, Severity.High],
            AccountIds = [account],
            SortBy = FindingSortField.Severity,
            SortDescending = true,
        };

        var first = await queries.GetPageAsync(filter, 0, PageSize, ct);
        if (first.Rows.Count == 0)
            throw new InvalidOperationException($"The page query for account {account} returned no rows; the timings would mean nothing.");

        var page = await TimeAsync(() => queries.GetPageAsync(filter, 0, PageSize, ct), warmup, iterations);
        var overviewTimes = await TimeAsync(() => queries.GetOverviewAsync(ct), warmup, iterations);
        return new Result(account, first.TotalCount, first.Rows.Count, overview.TotalActive, page, overviewTimes);
    }

    private static async Task<Stats> TimeAsync<T>(Func<Task<T>> call, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++) await call();
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return Stats.Of(samples);
    }
}
