using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Dashboard.Aws.Client;

/// <summary>REST-JSON: method and path from the model, JSON body, X-Amz-Api-Version like the generated marshallers.</summary>
public sealed class RestJsonMarshaller(AwsServiceDefinition service) : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var operation = (AwsOperationRequest)input;
        var request = new DefaultRequest(operation, service.ServiceId)
        {
            HttpMethod = operation.HttpMethod,
            ResourcePath = operation.Path,
        };
        request.Headers["Content-Type"] = "application/json";
        request.Headers["X-Amz-Api-Version"] = service.ApiVersion;
        request.Content = operation.JsonBody ?? "{}"u8.ToArray();
        return request;
    }
}
