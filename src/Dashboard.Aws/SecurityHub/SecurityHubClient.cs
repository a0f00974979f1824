using Dashboard.Aws.Client;

namespace Dashboard.Aws.SecurityHub;

/// <summary>Security Hub for any account and Region: picks the signed client, waits on the rate limiter, calls.</summary>
public sealed class SecurityHubClient(AwsClientFactory clients, FindingsRateLimiter limiter) : IDisposable
{
    // BatchUpdateFindings has its own quota (10/s, burst 30), separate from GetFindings'.
    private readonly BatchUpdateRateLimiter _updateLimiter = new();

    public async Task<FindingsPage> GetFindingsAsync(string accountId, string region, GetFindingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = request.ToJson(); // refuse a bad request before spending a token on it
        await limiter.WaitAsync(accountId, region, cancellationToken).ConfigureAwait(false);
        var client = clients.Get(AwsServiceDefinition.SecurityHub, accountId, region);
        return await client.GetFindingsAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Updates workflow status and/or note of findings of one account and Region, in calls of at most 100
    /// findings, signed with that account's credentials. Every chunk is checked before the first is sent.
    /// A failure of the first call propagates as it is (AmazonServiceException, <see cref="AwsResponseFormatException"/>);
    /// a failure after earlier chunks were applied as <see cref="BatchUpdateFindingsException"/> carrying their results.
    /// </summary>
    public async Task<BatchUpdateFindingsResult> BatchUpdateFindingsAsync(string accountId, string region, BatchUpdateFindingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chunks = request.Chunk();
        foreach (var chunk in chunks) _ = chunk.ToJson(); // refuse a bad request before anything is changed
        if (chunks.Count == 0) _ = request.ToJson();

        var client = clients.Get(AwsServiceDefinition.SecurityHub, accountId, region);
        var result = BatchUpdateFindingsResult.Empty;
        var sent = 0;
        foreach (var chunk in chunks)
        {
            try
            {
                await _updateLimiter.WaitAsync(accountId, region, cancellationToken).ConfigureAwait(false);
                result = result.Append(await client.BatchUpdateFindingsAsync(chunk, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (sent > 0 && ex is not OperationCanceledException)
            {
                throw new BatchUpdateFindingsException(result, request.FindingIdentifiers.Count - sent, ex);
            }
            sent += chunk.FindingIdentifiers.Count;
        }
        return result;
    }

    public void Dispose() => _updateLimiter.Dispose();
}
