using Amazon.Runtime;

namespace Dashboard.Aws.Client;

/// <summary>A successful response as bytes: the typed operation on top parses it (and owns the parse errors).</summary>
public sealed class AwsRawResponse : AmazonWebServiceResponse
{
    public byte[] Body { get; set; } = [];

    /// <summary>How many times the SDK retried this call before it succeeded (throttling, 5xx, network).</summary>
    public int Retries { get; set; }
}
