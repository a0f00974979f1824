using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Dashboard.Aws.SecurityHub;

/// <summary>
/// Keeps BatchUpdateFindings under Security Hub's documented limit per account and Region (10 requests/s,
/// burst 30): one token bucket per (account, Region), waited on before each call, like
/// <see cref="FindingsRateLimiter"/> does for GetFindings. SDK retries come on top, spaced by its backoff.
/// </summary>
public sealed class BatchUpdateRateLimiter(double requestsPerSecond = BatchUpdateRateLimiter.DefaultRequestsPerSecond, int burst = BatchUpdateRateLimiter.DefaultBurst) : IDisposable
{
    public const double DefaultRequestsPerSecond = 10;
    public const int DefaultBurst = 30;

    private readonly ConcurrentDictionary<(string Account, string Region), Lazy<TokenBucketRateLimiter>> _limiters = new();

    public async ValueTask WaitAsync(string accountId, string region, CancellationToken cancellationToken)
    {
        var limiter = _limiters.GetOrAdd((accountId, region), _ => new Lazy<TokenBucketRateLimiter>(Create)).Value;
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
            throw new InvalidOperationException($"The BatchUpdateFindings rate limiter for {accountId}/{region} refused a request.");
    }

    private TokenBucketRateLimiter Create() => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1 / requestsPerSecond),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    public void Dispose()
    {
        foreach (var lazy in _limiters.Values)
        {
            if (lazy.IsValueCreated) lazy.Value.Dispose();
        }
        _limiters.Clear();
    }
}
