using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace Dashboard.Aws.Client;

/// <summary>Every operation of Security Hub, IAM and Organizations is signed with SigV4 (model: "aws.auth#sigv4").</summary>
public sealed class AwsProtocolAuthSchemeHandler : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
        AuthSchemeOption.DEFAULT_SIGV4;
}
