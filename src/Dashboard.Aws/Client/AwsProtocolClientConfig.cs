using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace Dashboard.Aws.Client;

/// <summary>
/// ClientConfig for one service in one Region. A ServiceURL (the stand-in) wins over the public endpoint;
/// either way the SigV4 scope names the client's Region, so one stand-in URL can serve every Region.
/// </summary>
public sealed class AwsProtocolClientConfig : ClientConfig
{
    // The SDK insists on a defaults table; every mode uses standard retries (backoff with jitter,
    // throttling-aware), which RetryMode below also pins explicitly.
    private static readonly IDefaultConfigurationProvider Defaults = new DefaultConfigurationProvider(
        Enum.GetValues<DefaultConfigurationMode>()
            .Select(mode => (IDefaultConfiguration)new DefaultConfiguration
            {
                Name = mode,
                RetryMode = RequestRetryMode.Standard,
                ConnectTimeout = TimeSpan.FromSeconds(5),
                TlsNegotiationTimeout = TimeSpan.FromSeconds(5),
            })
            .ToList());

    private static readonly string UserAgentString = InternalSDKUtils.BuildUserAgentString("4.1.0");

    public AwsProtocolClientConfig(AwsServiceDefinition service, string region, string? serviceUrl = null, int maxErrorRetry = 4)
        : base(Defaults)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        Service = service;
        Region = region;
        base.ServiceId = service.ServiceId;
        AuthenticationServiceName = service.SigningName;
        EndpointProvider = new AwsProtocolEndpointProvider(service);
        RetryMode = RequestRetryMode.Standard;
        MaxErrorRetry = maxErrorRetry;
        if (!string.IsNullOrWhiteSpace(serviceUrl))
            ServiceURL = serviceUrl;
        else
            RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        // Set after ServiceURL/RegionEndpoint: with a custom URL the SDK cannot infer the Region from the host.
        AuthenticationRegion = service.SigningRegionFor(region);
    }

    public AwsServiceDefinition Service { get; }

    /// <summary>The Region this client reads (for global services the signing Region may differ).</summary>
    public string Region { get; }

    public override string RegionEndpointServiceName => Service.EndpointPrefix;

    public override string ServiceVersion => Service.ApiVersion;

    public override string UserAgent => UserAgentString;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        EndpointProvider.ResolveEndpoint(AwsProtocolEndpointResolver.ParametersFor(this));
}
