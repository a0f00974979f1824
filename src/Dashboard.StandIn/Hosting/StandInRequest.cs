using Dashboard.StandIn.Identity;
using Microsoft.AspNetCore.Http;

namespace Dashboard.StandIn.Hosting;

/// <summary>A signed request routed to one service, with the caller it acts as.</summary>
internal sealed record StandInRequest(HttpContext Http, CredentialScope Scope, CallerIdentity Caller)
{
    public string RequestId => AwsErrors.RequestId(Http);
}

/// <summary>One AWS service the stand-in speaks, found by the signing name in the credential scope.</summary>
internal interface IStandInService
{
    /// <summary>The SigV4 signing name, e.g. "sts", "securityhub".</summary>
    string SigningName { get; }

    Task HandleAsync(StandInRequest request, CancellationToken cancellationToken);

    /// <summary>Writes an error in this service's protocol.</summary>
    Task WriteErrorAsync(HttpContext context, int status, string code, string message);
}
