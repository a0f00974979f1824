using System.Security.Claims;
using Dashboard.Web.Security;

namespace Dashboard.Web.Tests.Workflow;

/// <summary>Signed-in users with the claims the Cognito sign-in produces (cognito:username, email, a role).</summary>
internal static class WorkflowUsers
{
    public static ClaimsPrincipal Viewer => With("demo-viewer", DashboardRoles.Viewer);
    public static ClaimsPrincipal Analyst => With("demo-analyst", DashboardRoles.Analyst);
    public static ClaimsPrincipal Admin => With("demo-admin", DashboardRoles.Admin);
    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    public static ClaimsPrincipal With(string? username, string? role, string? email = null)
    {
        var claims = new List<Claim>();
        if (username is not null) claims.Add(new Claim("cognito:username", username));
        claims.Add(new Claim("email", email ?? (username ?? "someone") + "@example.com"));
        if (role is not null) claims.Add(new Claim(ClaimTypes.Role, role));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", "cognito:username", ClaimTypes.Role));
    }
}
