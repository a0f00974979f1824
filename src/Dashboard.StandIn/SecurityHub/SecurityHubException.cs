namespace Dashboard.StandIn.SecurityHub;

/// <summary>An error Security Hub would return: HTTP status, x-amzn-ErrorType and message.</summary>
internal sealed class SecurityHubException(int status, string errorType, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string ErrorType { get; } = errorType;

    public static SecurityHubException InvalidInput(string message) => new(400, "InvalidInputException", message);
}
