using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Dashboard.Aws.Client;

internal static class ProtocolMarshaller
{
    public static IMarshaller<IRequest, AmazonWebServiceRequest> For(AwsServiceDefinition service) => service.Protocol switch
    {
        AwsProtocol.RestJson => new RestJsonMarshaller(service),
        AwsProtocol.Json11 => new Json11Marshaller(service),
        AwsProtocol.Query => new QueryMarshaller(service),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service.Protocol, "Unknown AWS protocol."),
    };
}
