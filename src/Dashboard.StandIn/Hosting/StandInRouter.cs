using Dashboard.StandIn.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dashboard.StandIn.Hosting;

/// <summary>
/// Sends each request to the service named in its SigV4 credential scope, after checking that it is
/// signed at all, and answers unsigned requests the way AWS does (403 MissingAuthenticationToken).
/// </summary>
internal sealed class StandInRouter(
    IReadOnlyDictionary<string, IStandInService> services,
    StandInCredentials credentials,
    AdminEndpoints admin,
    ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (context.Request.Path.StartsWithSegments("/_standin"))
        {
            await admin.HandleAsync(context);
            return;
        }

        var result = CredentialScope.TryRead(context.Request, out var scope, out var problem);
        if (result != CredentialScope.ParseResult.Ok)
        {
            var missing = result == CredentialScope.ParseResult.Missing;
            await WriteUnroutedErrorAsync(context, 403, missing ? "MissingAuthenticationToken" : "IncompleteSignature", problem);
            return;
        }

        if (!services.TryGetValue(scope!.Service, out var service))
        {
            var known = string.Join(", ", services.Keys.Order(StringComparer.Ordinal));
            await WriteUnroutedErrorAsync(context, 400, "UnknownService", $"The local stand-in does not serve '{scope.Service}' (it serves {known}).");
            return;
        }

        var caller = credentials.Resolve(scope.AccessKeyId);
        try
        {
            await service.HandleAsync(new StandInRequest(context, scope, caller), context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            logger.LogError(ex, "The stand-in failed on {Service} {Method} {Path}", scope.Service, context.Request.Method, context.Request.Path);
            await service.WriteErrorAsync(context, 500, service.SigningName == "securityhub" ? "InternalException" : "InternalFailure", "The stand-in failed: " + ex.Message);
        }
    }

    /// <summary>Without a credential scope the service is unknown: answer in the protocol the request looks like.</summary>
    private static Task WriteUnroutedErrorAsync(HttpContext context, int status, string code, string message)
    {
        var request = context.Request;
        var looksLikeQuery = request.Query.ContainsKey("Action") || request.HasFormContentType;
        return looksLikeQuery
            ? AwsErrors.WriteQueryAsync(context, status, code, message, xmlNamespace: null)
            : AwsErrors.WriteJsonAsync(context, status, code + "Exception", message);
    }
}
