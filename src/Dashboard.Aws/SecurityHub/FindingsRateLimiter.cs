using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.SecurityHub;

/// <summary>
/// Keeps GetFindings under Security Hub's documented limit per account and Region (3 requests/s, burst 6 by
/// default): one token bucket per (account, Region), waited on before each call. SDK retries come on top,
/// already spaced by its backoff.
/// </summary>
public sealed class FindingsRateLimiter(IOptions<AwsOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<(string Account, string Region), Lazy<TokenBucketRateLimiter>> _limiters = new();

    public async ValueTask WaitAsync(string accountId, string region, CancellationToken cancellationToken)
    {
        var limiter = _limiters.GetOrAdd((accountId, region), _ => new Lazy<TokenBucketRateLimiter>(Create)).Value;
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
            throw new InvalidOperationException($"The GetFindings rate limiter for {accountId}/{region} refused a request.");
    }

    private TokenBucketRateLimiter Create()
    {
        var aws = options.Value;
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = aws.FindingsBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / aws.FindingsRequestsPerSecond),
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
    }
}
