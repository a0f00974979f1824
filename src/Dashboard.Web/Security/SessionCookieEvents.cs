using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// The session cookie's life: a server-side session id at sign-in, refused once signed out or past
/// the absolute maximum, and a logged 403 (not a bounce to the "no access" page) when a user with a
/// role asks for something above it.
/// </summary>
public sealed class SessionCookieEvents(
    SessionRegistry sessions,
    IOptionsMonitor<CognitoOptions> options,
    ILogger<SessionCookieEvents> logger) : CookieAuthenticationEvents
{
    public override Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == CognitoClaims.Session))
        {
            identity.AddClaim(new Claim(CognitoClaims.Session, sessions.Start()));
        }
        return Task.CompletedTask;
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var session = context.Principal?.FindFirst(CognitoClaims.Session)?.Value;
        if (sessions.IsActive(session, options.CurrentValue.MaxSessionLifetime)) return;
        logger.LogInformation("Session of {User} ended (signed out, past its maximum lifetime, or the server restarted): sign-in required",
            context.Principal is { } user ? CognitoClaims.DisplayName(user) : "(unknown)");
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        var user = context.HttpContext.User;
        var role = user.FindFirst(ClaimTypes.Role)?.Value;
        logger.LogWarning("Refused {Method} {Path} for {User} (role {Role})",
            context.Request.Method, context.Request.Path.Value, CognitoClaims.DisplayName(user), role ?? "none");
        if (role is null)
        {
            // Signed in, but in no mapped group: the page that says so and how to get access.
            return base.RedirectToAccessDenied(context);
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
