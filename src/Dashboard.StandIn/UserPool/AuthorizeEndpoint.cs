using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// /oauth2/authorize after OpenIddict has validated the request (client, callback, PKCE, scopes): GET
/// shows the sign-in page unless a remembered sign-in applies; POST signs the chosen user in, and
/// OpenIddict redirects to the callback with the code.
/// </summary>
internal sealed class AuthorizeEndpoint(
    StandInUserPoolOptions options,
    UserDirectory users,
    ManagedLoginSession session,
    ILogger<AuthorizeEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not pass an authorization request through.");

        var chosen = (string?)request.GetParameter(SignInPage.UsernameField);
        if (HttpMethods.IsPost(context.Request.Method) && chosen is not null)
        {
            if (users.Find(chosen) is not { } user)
            {
                logger.LogWarning("Stand-in user pool refused a sign-in: no user named {Username}", chosen);
                return Results.Text("Unknown user: there is no user with that name in this user pool.", "text/plain", statusCode: StatusCodes.Status400BadRequest);
            }

            var now = options.TimeProvider.GetUtcNow();
            session.Remember(context, user, now);
            return SignIn(request, user, now);
        }

        if (!request.HasPromptValue(PromptValues.Login) && session.Recall(context) is { } remembered && users.Find(remembered.Username) is { } known)
        {
            return SignIn(request, known, remembered.AuthTime);
        }

        if (request.HasPromptValue(PromptValues.None))
        {
            return Results.Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "No one is signed in to the user pool.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var parameters = HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            ? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)await context.Request.ReadFormAsync(context.RequestAborted)
            : context.Request.Query;
        context.Response.Headers.ContentSecurityPolicy = SignInPage.ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Content(SignInPage.Render(options.UserPoolId, parameters, users.All), "text/html; charset=utf-8");
    }

    private IResult SignIn(OpenIddictRequest request, PoolUser user, DateTimeOffset authTime)
    {
        // Only what the code must carry to the token endpoint; CognitoTokenClaims shapes the tokens there.
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(Claims.Subject, user.Subject);
        identity.AddClaim(CognitoClaimTypes.Username, user.Username);
        identity.AddClaim(CognitoClaimTypes.AuthTime, authTime.ToUnixTimeSeconds());
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes());
        logger.LogInformation("Stand-in user pool signed in {Username}", user.Username);
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
