using Amazon.Runtime;

namespace Dashboard.Aws.Client;

/// <summary>
/// One call to a service without a service SDK: the operation name plus its already-serialized input.
/// The protocol marshaller turns it into the HTTP request the service expects.
/// </summary>
public sealed class AwsOperationRequest : AmazonWebServiceRequest
{
    public AwsOperationRequest(string operationName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operationName);
        OperationName = operationName;
    }

    public string OperationName { get; }

    /// <summary>REST-JSON only: the HTTP method and path from the model's "http" block.</summary>
    public string HttpMethod { get; init; } = "POST";

    /// <summary>REST-JSON only, e.g. "/findings".</summary>
    public string Path { get; init; } = "/";

    /// <summary>The JSON input (REST-JSON, JSON 1.1); "{}" when null.</summary>
    public byte[]? JsonBody { get; init; }

    /// <summary>The Query input besides Action and Version, already flattened (e.g. "Filter.member.1").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormParameters { get; init; } = [];
}
