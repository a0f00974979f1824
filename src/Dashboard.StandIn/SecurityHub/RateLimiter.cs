using System.Collections.Concurrent;

namespace Dashboard.StandIn.SecurityHub;

/// <summary>
/// Security Hub's documented GetFindings quota: 3 requests per second with bursts of 6, per account and
/// Region (securityhub_limits). A token bucket per (account, Region); off unless the options enable it.
/// </summary>
internal sealed class RateLimiter(TimeProvider clock, double perSecond = 3, double burst = 6)
{
    private readonly ConcurrentDictionary<(string, string), Bucket> buckets = new();

    public bool TryAcquire(string accountId, string region)
    {
        var bucket = buckets.GetOrAdd((accountId, region), _ => new Bucket(burst, clock.GetTimestamp()));
        lock (bucket)
        {
            var now = clock.GetTimestamp();
            var elapsed = clock.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(burst, bucket.Tokens + (elapsed * perSecond));
            bucket.Stamp = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens -= 1;
            return true;
        }
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;

        public long Stamp { get; set; } = stamp;
    }
}
