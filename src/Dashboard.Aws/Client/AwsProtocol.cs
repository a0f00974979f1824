namespace Dashboard.Aws.Client;

/// <summary>The AWS wire protocols the dashboard speaks without the service SDKs.</summary>
public enum AwsProtocol
{
    /// <summary>REST-JSON (Security Hub): the path names the operation, JSON body, errors in x-amzn-ErrorType / body.</summary>
    RestJson,

    /// <summary>JSON 1.1 (Organizations): POST / with X-Amz-Target, errors as {"__type": ...}.</summary>
    Json11,

    /// <summary>Query (IAM): form-encoded POST / with Action and Version, XML responses and &lt;Error&gt;&lt;Code&gt;.</summary>
    Query,
}
