using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>Sign-out (a POST with an antiforgery token) and the one anonymous page it lands on.</summary>
public static class AccountEndpoints
{
    public const string SignOutPath = "/account/signout";
    public const string SignedOutPath = "/signed-out";
    public const string SignInFailedReason = "signin-failed";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignOutPath, SignOutAsync)
            .RequireAuthorization(DashboardPolicies.SignedIn)
            // Validated explicitly below; a cross-site form must not be able to sign users out.
            .DisableAntiforgery();
        endpoints.MapGet(SignedOutPath, SignedOut).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> SignOutAsync(
        HttpContext context, IAntiforgery antiforgery, SessionRegistry sessions, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(AccountEndpoints));
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            logger.LogWarning("Sign-out refused for {User}: missing or invalid antiforgery token", CognitoClaims.DisplayName(context.User));
            return Results.BadRequest("Sign out from the dashboard's own page.");
        }
        sessions.End(context.User.FindFirst(CognitoClaims.Session)?.Value);
        logger.LogInformation("{User} signed out", CognitoClaims.DisplayName(context.User));
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        // Redirects the browser to Cognito's /logout, which ends the pool's own session too.
        await context.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = SignedOutPath });
        return Results.Empty;
    }

    /// <summary>
    /// Plain HTML with no scripts or static files: it is shown to people who are not signed in, and
    /// every static file needs sign-in (an empty icon stops the browser asking for /favicon.ico).
    /// </summary>
    private static IResult SignedOut(string? reason)
    {
        var failed = string.Equals(reason, SignInFailedReason, StringComparison.Ordinal);
        var heading = failed ? "Sign-in did not complete" : "You are signed out";
        var text = failed
            ? "The sign-in could not be verified. The server log has the reason; try again, and tell your administrator if it keeps failing."
            : "Your dashboard session has ended.";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(heading)}} · AWS Security Dashboard</title>
            <link rel="icon" href="data:,">
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}a{color:#1565c0}</style>
            </head><body>
            <h1 data-testid="signed-out">{{WebUtility.HtmlEncode(heading)}}</h1>
            <p>{{WebUtility.HtmlEncode(text)}}</p>
            <p><a href="/" data-testid="sign-in-again">Sign in again</a></p>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
