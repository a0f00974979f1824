using Dashboard.Benchmarks.Running;

// The benchmark of issue 2 §8: a plain console runner (not part of the test run) that prints each figure
// with its target. Usage: dotnet run -c Release --project tests/Dashboard.Benchmarks -- [--quick] [--out FILE]
var options = BenchmarkOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

// Demo mode signs with static stand-in keys; never let the SDK's credential chain probe EC2 metadata.
Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    return await new BenchmarkRunner(options).RunAsync(cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException)
{
    Console.Error.WriteLine($"Benchmark failed: {ex.Message}");
    return 1;
}
