namespace Dashboard.Web.Security;

/// <summary>The request pipeline's security part, in the order it must run.</summary>
public static class SecurityPipeline
{
    public static WebApplication UseDashboardSecurity(this WebApplication app)
    {
        // First: the scheme and client address must be the browser's before anything builds a URL.
        app.UseForwardedHeaders();
        // Sent only over https and never for localhost (the middleware's defaults).
        app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
