using Dashboard.Aws.SecurityHub;

namespace Dashboard.Web.Findings.Workflow;

/// <summary>
/// Where a workflow update goes: Security Hub's BatchUpdateFindings in the finding's account and Region.
/// An interface so tests can see (and fail) the AWS call without a server; the app uses <see cref="SecurityHubWorkflowGateway"/>.
/// </summary>
public interface IWorkflowUpdateGateway
{
    Task<BatchUpdateFindingsResult> BatchUpdateFindingsAsync(string accountId, string region, BatchUpdateFindingsRequest request, CancellationToken ct);
}

/// <summary>The real gateway: the signed Security Hub client, with the account's assumed-role credentials and the rate limit.</summary>
public sealed class SecurityHubWorkflowGateway(SecurityHubClient client) : IWorkflowUpdateGateway
{
    public Task<BatchUpdateFindingsResult> BatchUpdateFindingsAsync(string accountId, string region, BatchUpdateFindingsRequest request, CancellationToken ct)
        => client.BatchUpdateFindingsAsync(accountId, region, request, ct);
}
