using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Dashboard.Aws.SecurityHub;

/// <summary>
/// One token bucket per (account, Region), waited on before each call of one operation: Security Hub's
/// quotas are per account and Region. SDK retries come on top, already spaced by its backoff.
/// </summary>
public class AccountRegionRateLimiter(string operation, Func<(double RequestsPerSecond, int Burst)> limits) : IDisposable
{
    private readonly ConcurrentDictionary<(string Account, string Region), Lazy<TokenBucketRateLimiter>> _limiters = new();

    public async ValueTask WaitAsync(string accountId, string region, CancellationToken cancellationToken)
    {
        var limiter = _limiters.GetOrAdd((accountId, region), _ => new Lazy<TokenBucketRateLimiter>(Create)).Value;
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
            throw new InvalidOperationException($"The {operation} rate limiter for {accountId}/{region} refused a request.");
    }

    private TokenBucketRateLimiter Create()
    {
        var (requestsPerSecond, burst) = limits();
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / requestsPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public void Dispose()
    {
        foreach (var lazy in _limiters.Values)
        {
            if (lazy.IsValueCreated) lazy.Value.Dispose();
        }
        _limiters.Clear();
        GC.SuppressFinalize(this);
    }
}
