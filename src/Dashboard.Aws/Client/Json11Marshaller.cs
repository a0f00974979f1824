using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Dashboard.Aws.Client;

/// <summary>JSON 1.1: always POST /, the operation named by X-Amz-Target "&lt;TargetPrefix&gt;.&lt;Operation&gt;".</summary>
public sealed class Json11Marshaller(AwsServiceDefinition service) : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var operation = (AwsOperationRequest)input;
        var request = new DefaultRequest(operation, service.ServiceId) { HttpMethod = "POST", ResourcePath = "/" };
        request.Headers["Content-Type"] = "application/x-amz-json-1.1";
        request.Headers["X-Amz-Target"] = $"{service.TargetPrefix}.{operation.OperationName}";
        request.Content = operation.JsonBody ?? "{}"u8.ToArray();
        return request;
    }
}
