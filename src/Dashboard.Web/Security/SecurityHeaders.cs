using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Response headers on every response, redirects and errors included. The Content-Security-Policy
/// fits Blazor Server and MudBlazor: scripts only from this origin (App.razor has no inline script),
/// the circuit's WebSocket to this origin, inline styles (MudBlazor sets style attributes), no
/// framing, and forms may post only here or to the sign-in domain (sign-out redirects there).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<CognitoOptions> cognito)
{
    private readonly string _policy = ContentSecurityPolicy(cognito.Value);

    public static string ContentSecurityPolicy(CognitoOptions cognito)
    {
        var formAction = "'self'";
        if (cognito.DomainBaseUrl is { } domain) formAction += " " + domain.GetLeftPart(UriPartial.Authority);
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "frame-ancestors 'none'",
            "form-action " + formAction);
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
