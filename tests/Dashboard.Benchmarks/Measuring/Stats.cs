namespace Dashboard.Benchmarks.Measuring;

/// <summary>Summary of repeated timings, in milliseconds. Percentiles by the nearest-rank method (no interpolation).</summary>
internal sealed record Stats(int Count, double P50, double P95, double Max, double Mean)
{
    public static Stats Of(IReadOnlyCollection<double> samplesMs)
    {
        ArgumentNullException.ThrowIfNull(samplesMs);
        if (samplesMs.Count == 0) throw new ArgumentException("No samples to summarize.", nameof(samplesMs));
        var sorted = samplesMs.Order().ToArray();
        return new Stats(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), sorted[^1], sorted.Average());
    }

    /// <summary>The smallest sample with at least <paramref name="percent"/>% of the samples at or below it.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    public override string ToString() => $"p50 {P50:F2} ms, p95 {P95:F2} ms, max {Max:F2} ms over {Count}";
}
