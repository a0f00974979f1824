namespace Dashboard.Aws;

/// <summary>
/// A response that arrived with a success status but cannot be read: not valid JSON, or without the
/// members the operation promises (e.g. GetFindings without a Findings array). The sync records it
/// for that account-Region and keeps the cached data untouched.
/// </summary>
public sealed class AwsResponseFormatException : Exception
{
    public AwsResponseFormatException(string service, string operation, string problem, Exception? innerException = null)
        : base($"{service} {operation} returned a response that cannot be read: {problem}", innerException)
    {
        Service = service;
        Operation = operation;
    }

    public string Service { get; }

    public string Operation { get; }
}
