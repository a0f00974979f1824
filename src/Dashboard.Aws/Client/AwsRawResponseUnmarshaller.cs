using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace Dashboard.Aws.Client;

/// <summary>
/// Returns the body of a successful response untouched, and maps error responses to
/// <see cref="AmazonServiceException"/> with ErrorCode, StatusCode, RequestId and message, so the
/// SDK's retry policy recognises throttling (TooManyRequestsException, Throttling) and 5xx.
/// </summary>
public sealed class AwsRawResponseUnmarshaller(AwsServiceDefinition service) : ResponseUnmarshaller
{
    public override AmazonWebServiceResponse Unmarshall(UnmarshallerContext input)
    {
        var context = (RawBodyUnmarshallerContext)input;
        return new AwsRawResponse
        {
            Body = context.Body,
            HttpStatusCode = context.ResponseData?.StatusCode ?? HttpStatusCode.OK,
            ContentLength = context.Body.LongLength,
            ResponseMetadata = new ResponseMetadata { RequestId = RequestIdOf(context.ResponseData) },
        };
    }

    public override AmazonServiceException UnmarshallException(UnmarshallerContext input, Exception innerException, HttpStatusCode statusCode)
    {
        var context = (RawBodyUnmarshallerContext)input;
        var data = context.ResponseData;
        var error = AwsErrorParser.Parse(service.Protocol, statusCode, name => Header(data, name), context.Body);
        var message = error.Message ?? $"{service.ServiceId} answered HTTP {(int)statusCode} {error.Code ?? statusCode.ToString()}.";
        return new AmazonServiceException(message, innerException, error.Type, error.Code, error.RequestId, statusCode);
    }

    protected override UnmarshallerContext ConstructUnmarshallerContext(Stream responseStream, bool maintainResponseBody, IWebResponseData response, bool isException) =>
        new RawBodyUnmarshallerContext(responseStream, response, isException);

    protected override UnmarshallerContext ConstructUnmarshallerContext(Stream responseStream, bool maintainResponseBody, IWebResponseData response, bool isException, IRequestContext requestContext) =>
        new RawBodyUnmarshallerContext(responseStream, response, isException);

    private static string? RequestIdOf(IWebResponseData? data) => Header(data, "x-amzn-RequestId") ?? Header(data, "x-amz-request-id");

    private static string? Header(IWebResponseData? data, string name)
    {
        if (data is null) return null;
        // Header lookups must not depend on case: protocol tests send "X-Amzn-Errortype".
        foreach (var candidate in data.GetHeaderNames())
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                return data.GetHeaderValue(candidate);
        }
        return null;
    }
}
