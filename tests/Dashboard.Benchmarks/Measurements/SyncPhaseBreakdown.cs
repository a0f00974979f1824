using System.Diagnostics;
using Dashboard.Aws.SecurityHub;
using Dashboard.Benchmarks.Running;
using Dashboard.Core.Findings;
using Dashboard.Data;
using Dashboard.Data.Database;
using Dashboard.Data.Findings;
using Dashboard.Web.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Benchmarks.Measurements;

/// <summary>
/// A brief profile of where full-sync time goes: a few account-Regions read again one at a time with
/// the same collector, parser and store the sync uses, timing each phase apart. "Fetch" is everything
/// up to a parsed GetFindings page (rate limiter, SigV4 signing, HTTP, the stand-in rendering the page
/// in this same process, JsonDocument); "parse" is ASFF to FindingRecord; "upsert" is FindingStore into
/// a scratch cache (empty at first, so its indexes are shallower than the real cache's). The stand-in's
/// own rendering of as many findings is timed apart, since real AWS does that work on its side.
/// </summary>
internal static class SyncPhaseBreakdown
{
    public sealed record Result(int Targets, int Findings, int Pages, TimeSpan Fetch, TimeSpan Parse, TimeSpan Upsert, TimeSpan StandInRendering)
    {
        public TimeSpan Total => Fetch + Parse + Upsert;
        public double PerSecond(TimeSpan phase) => Findings / phase.TotalSeconds;
        public double Share(TimeSpan phase) => phase / Total;
    }

    /// <summary>
    /// The part of "fetch" that real AWS would spend on its own servers: the in-process stand-in
    /// rendering as many findings' JSON, on the same two cores as the sync.
    /// </summary>
    private static TimeSpan TimeRendering(DemoCache cache, int findings)
    {
        var data = cache.StandIn.Data;
        var count = Math.Min(findings, data.Count);
        var started = Stopwatch.GetTimestamp();
        long chars = 0;
        for (var i = 0; i < count; i++) chars += data.GetFindingJson(i).Length;
        var elapsed = Stopwatch.GetElapsedTime(started);
        return chars > 0 ? elapsed : TimeSpan.Zero;
    }

    public static async Task<Result> RunAsync(DemoCache cache, int targetCount, string scratchDirectory, CancellationToken ct)
    {
        var collector = cache.Services.GetRequiredService<SecurityHubFindingsCollector>();
        var targets = (await cache.Services.GetRequiredService<SyncTargetSource>().GetFindingsTargetsAsync(ct)).Take(targetCount).ToList();

        Directory.CreateDirectory(scratchDirectory);
        var services = new ServiceCollection()
            .AddLogging()
            .AddDashboardData(Path.Combine(scratchDirectory, "breakdown.db"))
            .BuildServiceProvider();
        try
        {
            await DatabaseMigrator.MigrateAsync(services, ct);
            var store = services.GetRequiredService<FindingStore>();
            TimeSpan fetch = default, parse = default, upsert = default;
            int findings = 0, pages = 0;
            foreach (var target in targets)
            {
                var records = new List<FindingRecord>();
                // The first sync's query: everything in the account-Region, archived included.
                var query = new FindingsQuery { AwsAccountIdFilter = target.AccountId };
                await using var enumerator = collector.CollectAsync(target, query, ct).GetAsyncEnumerator(ct);
                while (true)
                {
                    var started = Stopwatch.GetTimestamp();
                    var more = await enumerator.MoveNextAsync();
                    fetch += Stopwatch.GetElapsedTime(started);
                    if (!more) break;

                    using var page = enumerator.Current;
                    pages++;
                    started = Stopwatch.GetTimestamp();
                    foreach (var element in page.Findings)
                    {
                        var parsed = AsffFindingParser.Parse(element);
                        if (parsed.Record is { } record) records.Add(record);
                    }

                    parse += Stopwatch.GetElapsedTime(started);
                }

                var storing = Stopwatch.GetTimestamp();
                await store.UpsertAsync(records, ct);
                upsert += Stopwatch.GetElapsedTime(storing);
                findings += records.Count;
            }

            return new Result(targets.Count, findings, pages, fetch, parse, upsert, TimeRendering(cache, findings));
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }
}
