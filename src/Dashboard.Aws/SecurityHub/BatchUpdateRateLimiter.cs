namespace Dashboard.Aws.SecurityHub;

/// <summary>BatchUpdateFindings under Security Hub's documented limit per account and Region: 10 requests/s, burst 30.</summary>
public sealed class BatchUpdateRateLimiter(double requestsPerSecond = BatchUpdateRateLimiter.DefaultRequestsPerSecond, int burst = BatchUpdateRateLimiter.DefaultBurst)
    : AccountRegionRateLimiter("BatchUpdateFindings", () => (requestsPerSecond, burst))
{
    public const double DefaultRequestsPerSecond = 10;
    public const int DefaultBurst = 30;
}
