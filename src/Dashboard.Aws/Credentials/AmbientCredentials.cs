using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Credentials;

/// <summary>
/// Resolves the ambient credentials lazily, exactly like the AWS CLI: a configured profile, else the SDK's
/// default chain (environment, web identity, profile incl. SSO via AWS_PROFILE, ECS, IMDS). Demo mode's
/// static keys (for the loopback stand-in only) come first. A failed resolution is retried on next use.
/// </summary>
public sealed class AmbientCredentials(IOptions<AwsOptions> options) : IAmbientCredentials
{
    private readonly Lock _gate = new();
    private AWSCredentials? _resolved;

    public AWSCredentials Get()
    {
        if (_resolved is { } resolved) return resolved;
        lock (_gate)
        {
            return _resolved ??= Resolve(options.Value);
        }
    }

    private static AWSCredentials Resolve(AwsOptions aws)
    {
        if (!string.IsNullOrEmpty(aws.DemoAccessKeyId) && !string.IsNullOrEmpty(aws.DemoSecretAccessKey))
            return new BasicAWSCredentials(aws.DemoAccessKeyId, aws.DemoSecretAccessKey);

        if (!string.IsNullOrWhiteSpace(aws.Profile))
        {
            if (new CredentialProfileStoreChain().TryGetAWSCredentials(aws.Profile, out var profileCredentials))
                return profileCredentials;
            throw new AmazonClientException(
                $"The AWS profile '{aws.Profile}' ({AwsOptions.SectionName}:Profile) was not found in the shared config and credentials files.");
        }

        return DefaultAWSCredentialsIdentityResolver.GetCredentials();
    }
}
