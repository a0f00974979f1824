using Dashboard.Aws.Client;

namespace Dashboard.Aws.SecurityHub;

/// <summary>The typed Security Hub operations over the generic client.</summary>
public static class SecurityHubOperations
{
    /// <summary>GetFindings: POST /findings. AWS errors surface as AmazonServiceException; an unreadable body as <see cref="AwsResponseFormatException"/>.</summary>
    public static async Task<FindingsPage> GetFindingsAsync(this AwsProtocolClient client, GetFindingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var operation = new AwsOperationRequest("GetFindings") { HttpMethod = "POST", Path = "/findings", JsonBody = request.ToJson() };
        var response = await client.SendAsync(operation, cancellationToken).ConfigureAwait(false);
        return FindingsPage.Parse(response.Body, response.Retries);
    }

    /// <summary>
    /// BatchUpdateFindings: PATCH /findings/batchupdate, at most 100 findings. AWS errors surface as
    /// AmazonServiceException; an unreadable body as <see cref="AwsResponseFormatException"/>.
    /// </summary>
    public static async Task<BatchUpdateFindingsResult> BatchUpdateFindingsAsync(this AwsProtocolClient client, BatchUpdateFindingsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var operation = new AwsOperationRequest("BatchUpdateFindings") { HttpMethod = "PATCH", Path = "/findings/batchupdate", JsonBody = request.ToJson() };
        var response = await client.SendAsync(operation, cancellationToken).ConfigureAwait(false);
        return BatchUpdateFindingsResult.Parse(response.Body, response.Retries);
    }
}
