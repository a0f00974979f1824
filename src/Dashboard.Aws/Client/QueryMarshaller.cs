using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Dashboard.Aws.Client;

/// <summary>
/// Query: form-encoded POST / with Action and Version. Parameters go into the request's parameter
/// collection; the SDK writes them as the form body and signs that body.
/// </summary>
public sealed class QueryMarshaller(AwsServiceDefinition service) : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var operation = (AwsOperationRequest)input;
        var request = new DefaultRequest(operation, service.ServiceId) { HttpMethod = "POST", ResourcePath = "/" };
        request.Parameters.Add("Action", operation.OperationName);
        request.Parameters.Add("Version", service.ApiVersion);
        foreach (var (name, value) in operation.FormParameters)
            request.Parameters[name] = value;
        return request;
    }
}
