using Microsoft.Extensions.Options;

namespace Dashboard.Aws.SecurityHub;

/// <summary>GetFindings under Security Hub's documented limit per account and Region (3 requests/s, burst 6 by default).</summary>
public sealed class FindingsRateLimiter(IOptions<AwsOptions> options)
    : AccountRegionRateLimiter("GetFindings", () => (options.Value.FindingsRequestsPerSecond, options.Value.FindingsBurst));
