using Dashboard.Aws.Client;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Iam;

/// <summary>
/// The signed IAM client of an account. IAM is global: one endpoint (iam.amazonaws.com in the aws
/// partition, signed for us-east-1), reached through the home Region's partition.
/// </summary>
public sealed class IamClient(AwsClientFactory clients, IOptions<AwsOptions> options)
{
    public AwsProtocolClient For(string accountId) => clients.Get(AwsServiceDefinition.Iam, accountId, options.Value.HomeRegion);
}
