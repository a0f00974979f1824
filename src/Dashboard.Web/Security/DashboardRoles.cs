namespace Dashboard.Web.Security;

/// <summary>
/// The three application roles. Cognito groups are mapped to them by configuration
/// (<c>Cognito:Groups:Admin</c> etc.); the mapped role becomes a <see cref="System.Security.Claims.ClaimTypes.Role"/>
/// claim on the signed-in user. Each role includes the ones below it: Admin ⊇ Analyst ⊇ Viewer.
/// </summary>
public static class DashboardRoles
{
    /// <summary>Settings, accounts, "Sync now", schedules; everything an Analyst may do.</summary>
    public const string Admin = "Admin";
    /// <summary>Workflow updates (with a note) and exports; everything a Viewer may do.</summary>
    public const string Analyst = "Analyst";
    /// <summary>Read-only.</summary>
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Analyst, Viewer];
}

/// <summary>Authorization policy names; checked on the server for every action, never only by hiding a button.</summary>
public static class DashboardPolicies
{
    /// <summary>Any mapped role: the fallback policy for every endpoint.</summary>
    public const string Viewer = "dashboard:viewer";
    /// <summary>Analyst or Admin: workflow updates and exports.</summary>
    public const string Analyst = "dashboard:analyst";
    /// <summary>Admin only: "Sync now", settings, schedules.</summary>
    public const string Admin = "dashboard:admin";
    /// <summary>Signed in, with or without a mapped role (the "no access" and sign-out pages).</summary>
    public const string SignedIn = "dashboard:signed-in";
}
