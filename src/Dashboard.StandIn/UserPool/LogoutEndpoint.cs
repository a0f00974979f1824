using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// Cognito's non-standard <c>GET /logout?client_id=..&amp;logout_uri=..</c>: forgets the remembered
/// sign-in and sends the browser to logout_uri, which must be one of the app client's sign-out URLs.
/// (Cognito supports neither post_logout_redirect_uri nor id_token_hint.)
/// </summary>
internal sealed class LogoutEndpoint(StandInUserPoolOptions options, RedirectRules rules, ManagedLoginSession session, ILogger<LogoutEndpoint> logger)
{
    public IResult Handle(HttpContext context)
    {
        var clientId = context.Request.Query["client_id"];
        var logoutUri = context.Request.Query["logout_uri"];
        if (clientId.Count != 1 || !string.Equals(clientId[0], options.ClientId, StringComparison.Ordinal))
        {
            return Refuse("client_id is missing or is not an app client of this user pool.", clientId.ToString(), logoutUri.ToString());
        }

        if (logoutUri.Count != 1 || !rules.IsAllowedSignOut(logoutUri[0]))
        {
            return Refuse("logout_uri is missing or is not one of the app client's sign-out URLs.", clientId.ToString(), logoutUri.ToString());
        }

        session.Forget(context);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Redirect(logoutUri[0]!);
    }

    private IResult Refuse(string reason, string clientId, string logoutUri)
    {
        logger.LogWarning("Stand-in user pool refused a logout: {Reason} client_id={ClientId} logout_uri={LogoutUri}", reason, clientId, logoutUri);
        return Results.Text("Logout refused: " + reason, "text/plain", statusCode: StatusCodes.Status400BadRequest);
    }
}
