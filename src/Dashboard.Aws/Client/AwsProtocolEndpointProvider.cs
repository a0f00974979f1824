using Amazon.Runtime.Endpoints;

namespace Dashboard.Aws.Client;

/// <summary>
/// Resolves the endpoint: the configured ServiceURL when there is one, else the service's public endpoint.
/// The sigv4 auth-scheme attributes tell the SDK the signing name and Region, as generated providers do.
/// </summary>
public sealed class AwsProtocolEndpointProvider(AwsServiceDefinition service) : IEndpointProvider
{
    public const string RegionParameter = "Region";
    public const string EndpointParameter = "Endpoint";

    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var region = parameters[RegionParameter] as string;
        if (string.IsNullOrWhiteSpace(region))
            throw new Amazon.Runtime.AmazonClientException($"No Region configured for {service.ServiceId}.");

        var url = parameters[EndpointParameter] as string is { Length: > 0 } custom ? custom : service.DefaultEndpoint(region);
        var scheme = new PropertyBag
        {
            ["name"] = "sigv4",
            ["signingName"] = service.SigningName,
            ["signingRegion"] = service.SigningRegionFor(region),
        };
        return new Endpoint(url) { Attributes = new PropertyBag { ["authSchemes"] = new List<object> { scheme } } };
    }
}
