using Amazon.Runtime;

namespace Dashboard.Aws.Credentials;

/// <summary>The credentials the process runs with (what the AWS CLI would use), before any AssumeRole.</summary>
public interface IAmbientCredentials
{
    /// <summary>Resolves on first use; throws <see cref="AmazonClientException"/> naming what is missing.</summary>
    AWSCredentials Get();
}
