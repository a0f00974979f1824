using System.Diagnostics;
using Dashboard.Benchmarks.Measuring;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Risks;

namespace Dashboard.Benchmarks.Measurements.Iam;

/// <summary>
/// Issue 4 §6: risk analysis of the whole synthetic organization, account by account (build one
/// account's snapshot, analyse it, drop it), as the sync does, so memory is bounded by one account.
/// Building the snapshots is timed apart: in production it is the collection, not the analysis.
/// </summary>
internal static class IamRiskAnalysisMeasurement
{
    public sealed record Result(
        int Accounts, int Principals, TimeSpan Analysis, TimeSpan Generation, int Results, int Errors,
        IReadOnlyDictionary<RiskStatus, int> ByStatus, long PeakWorkingSet, TimeSpan SlowestAccount)
    {
        public double PrincipalsPerSecond => Principals / Analysis.TotalSeconds;
    }

    public static async Task<Result> RunAsync(SyntheticIamOrganization org, IReadOnlyList<OrganizationPolicyLevel>? scps, CancellationToken ct)
    {
        var analyzer = new IamRiskAnalyzer(TimeProvider.System);
        var options = org.RiskOptions();
        var byStatus = new Dictionary<RiskStatus, int>();
        var results = 0;
        var principals = 0;
        var analysis = TimeSpan.Zero;
        var generation = TimeSpan.Zero;
        var slowest = TimeSpan.Zero;

        // Start from a collected heap so the peak reflects this phase, not the previous one's garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await using var sampler = WorkingSetSampler.Start(TimeSpan.FromMilliseconds(100));
        for (var a = 0; a < org.Accounts; a++)
        {
            ct.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            var snapshot = org.BuildAccount(a);
            generation += Stopwatch.GetElapsedTime(start);

            start = Stopwatch.GetTimestamp();
            var accountResults = analyzer.Analyze(snapshot, options, scps);
            var elapsed = Stopwatch.GetElapsedTime(start);
            analysis += elapsed;
            if (elapsed > slowest) slowest = elapsed;

            principals += snapshot.Users.Count + snapshot.Roles.Count;
            results += accountResults.Count;
            foreach (var r in accountResults) byStatus[r.Status] = byStatus.GetValueOrDefault(r.Status) + 1;
            Console.WriteLine($"    account {a + 1}/{org.Accounts} ({snapshot.AccountId}): {accountResults.Count:N0} results in {elapsed.TotalSeconds:F2} s, working set {WorkingSetSampler.Current() / 1024.0 / 1024:N0} MiB");
            // snapshot and accountResults go out of scope here: the next account starts from nothing.
        }

        var peak = await sampler.StopAsync();
        return new Result(org.Accounts, principals, analysis, generation, results, byStatus.GetValueOrDefault(RiskStatus.Error), byStatus, peak, slowest);
    }
}
