using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Security;

/// <summary>The dashboard's authorization policies; the fallback policy makes every endpoint need a mapped role.</summary>
public static class DashboardAuthorization
{
    public static AuthorizationBuilder AddDashboardPolicies(this AuthorizationBuilder builder)
    {
        var viewer = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireRole(DashboardRoles.Admin, DashboardRoles.Analyst, DashboardRoles.Viewer)
            .Build();
        return builder
            .AddPolicy(DashboardPolicies.Viewer, viewer)
            .AddPolicy(DashboardPolicies.Analyst, p => p.RequireAuthenticatedUser().RequireRole(DashboardRoles.Admin, DashboardRoles.Analyst))
            .AddPolicy(DashboardPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(DashboardRoles.Admin))
            .AddPolicy(DashboardPolicies.SignedIn, p => p.RequireAuthenticatedUser())
            // Anything not marked otherwise (pages, the Blazor hub, exports, static files behind
            // authorization) needs a signed-in user with a mapped role.
            .SetFallbackPolicy(viewer)
            .SetDefaultPolicy(viewer);
    }
}
