using System.Diagnostics;

namespace Dashboard.Benchmarks.Measuring;

/// <summary>
/// Samples this process's working set in the background, for the peak during one phase (the OS's
/// PeakWorkingSet64 only gives the peak since the process started).
/// </summary>
internal sealed class WorkingSetSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    private WorkingSetSampler(TimeSpan interval)
    {
        _peak = Current();
        _loop = Task.Run(() => LoopAsync(interval));
    }

    public static WorkingSetSampler Start(TimeSpan interval) => new(interval);

    /// <summary>The highest working set seen so far, in bytes.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    public static long Current()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public static long PeakSinceStart()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    /// <summary>Stops sampling and returns the peak, including one last sample.</summary>
    public async Task<long> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Record(Current());
        return Peak;
    }

    private async Task LoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token)) Record(Current());
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Record(long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, value, seen) != seen)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}
