using Dashboard.Aws.Client;

namespace Dashboard.Aws.SecurityHub;

/// <summary>Security Hub for any account and Region: picks the signed client, waits on the rate limiter, calls.</summary>
public sealed class SecurityHubClient(AwsClientFactory clients, FindingsRateLimiter limiter)
{
    public async Task<FindingsPage> GetFindingsAsync(string accountId, string region, GetFindingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = request.ToJson(); // refuse a bad request before spending a token on it
        await limiter.WaitAsync(accountId, region, cancellationToken).ConfigureAwait(false);
        var client = clients.Get(AwsServiceDefinition.SecurityHub, accountId, region);
        return await client.GetFindingsAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
