using System.Diagnostics;
using Dashboard.Benchmarks.Running;
using Dashboard.StandIn;
using Dashboard.StandIn.Data;

namespace Dashboard.Benchmarks.Measurements;

/// <summary>
/// 1. Generating the stand-in's organization and findings (the same options demo mode uses). Timed on
/// its own because demo mode builds the data set inside the host's start-up, among other work.
/// </summary>
internal static class GenerationMeasurement
{
    public sealed record Result(int Findings, TimeSpan Elapsed);

    public static Result Run(int findings)
    {
        var options = new StandInOptions { Findings = findings, Accounts = DemoCache.Accounts, Seed = DemoCache.Seed };
        var stopwatch = Stopwatch.StartNew();
        var data = StandInDataSet.Create(options);
        stopwatch.Stop();
        if (data.Count != findings)
            throw new InvalidOperationException($"The stand-in generated {data.Count:N0} findings instead of {findings:N0}.");
        return new Result(data.Count, stopwatch.Elapsed);
    }
}
