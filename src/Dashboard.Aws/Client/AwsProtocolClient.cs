using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Dashboard.Aws.Client;

/// <summary>
/// A generic client for one AWS service in one Region, built on AWSSDK.Core's AmazonServiceClient so that
/// SigV4 (with the session-token header), credential refresh, standard retries with backoff on throttling
/// and 5xx, and clock-skew correction all come from the SDK. Typed operations sit on top and parse the body.
/// Thread-safe; keep one per (service, account, Region).
/// </summary>
public sealed class AwsProtocolClient : AmazonServiceClient
{
    private readonly InvokeOptions _invokeOptions;
    private ServiceMetadataFor? _metadata;

    public AwsProtocolClient(AWSCredentials credentials, AwsProtocolClientConfig config)
        : base(credentials ?? throw new ArgumentNullException(nameof(credentials)), config)
    {
        Definition = config.Service;
        _invokeOptions = new InvokeOptions
        {
            RequestMarshaller = ProtocolMarshaller.For(Definition),
            ResponseUnmarshaller = new AwsRawResponseUnmarshaller(Definition),
        };
    }

    public AwsServiceDefinition Definition { get; }

    /// <summary>Sends one operation; AWS errors surface as <see cref="AmazonServiceException"/> after the SDK's retries.</summary>
    public Task<AwsRawResponse> SendAsync(AwsOperationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InvokeAsync<AwsRawResponse>(request, _invokeOptions, cancellationToken);
    }

    protected override IServiceMetadata ServiceMetadata =>
        _metadata ??= new ServiceMetadataFor(((AwsProtocolClientConfig)Config).Service.ServiceId);

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        // The same wiring as the generated service clients, with our endpoint resolver and SigV4 auth.
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new AwsProtocolEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new AwsProtocolAuthSchemeHandler());
        pipeline.AddHandlerBefore<RetryHandler>(new RetryCountHandler());
    }

    private sealed class ServiceMetadataFor(string serviceId) : IServiceMetadata
    {
        public string ServiceId { get; } = serviceId;
        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
    }
}
