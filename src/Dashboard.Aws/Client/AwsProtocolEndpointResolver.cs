using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Dashboard.Aws.Client;

/// <summary>Pipeline handler that feeds the client's Region and ServiceURL to <see cref="AwsProtocolEndpointProvider"/>.</summary>
public sealed class AwsProtocolEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext) =>
        ParametersFor((AwsProtocolClientConfig)requestContext.ClientConfig);

    internal static EndpointParameters ParametersFor(AwsProtocolClientConfig config)
    {
        var parameters = new EndpointParameters();
        parameters[AwsProtocolEndpointProvider.RegionParameter] = config.Region;
        parameters[AwsProtocolEndpointProvider.EndpointParameter] = string.IsNullOrEmpty(config.ServiceURL) ? null : config.ServiceURL;
        parameters["UseFIPS"] = false;
        parameters["UseDualStack"] = false;
        return parameters;
    }
}
