using Amazon.Runtime;
using Dashboard.Aws;

namespace Dashboard.Web.Sync;

/// <summary>Turns what went wrong in a target's sync into one sentence for the sync page and the log.</summary>
internal static class SyncErrors
{
    public static string Describe(Exception ex) => ex switch
    {
        AmazonServiceException aws when !string.IsNullOrEmpty(aws.ErrorCode)
            => $"{aws.ErrorCode} (HTTP {(int)aws.StatusCode}): {Truncate(aws.Message)}",
        AwsResponseFormatException format => $"Malformed response: {Truncate(format.Message)}",
        AmazonClientException client => $"AWS client error: {Truncate(client.Message)}",
        HttpRequestException http => $"Network error: {Truncate(http.Message)}",
        OperationCanceledException => "Timed out.",
        _ => $"{ex.GetType().Name}: {Truncate(ex.Message)}",
    };

    private static string Truncate(string message) => message.Length <= 500 ? message : message[..500] + "…";
}
