using Amazon.Runtime;

namespace Dashboard.Aws.Credentials;

/// <summary>
/// The SDK-facing view of one account's credentials: every signed request asks the provider, which
/// serves its cache and re-assumes the role shortly before the session expires.
/// </summary>
internal sealed class AccountAwsCredentials(AccountCredentialsProvider provider, string accountId) : AWSCredentials
{
    public override ImmutableCredentials GetCredentials() =>
        // Only the SDK's synchronous paths come here; the dashboard calls the async API.
        provider.GetAsync(accountId, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<ImmutableCredentials> GetCredentialsAsync() =>
        provider.GetAsync(accountId, CancellationToken.None);

    public override string ToString() => $"AccountAwsCredentials({accountId})";
}
