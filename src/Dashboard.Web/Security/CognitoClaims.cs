namespace Dashboard.Web.Security;

/// <summary>Claim types of Cognito's ID token (kept as issued: MapInboundClaims is off) and the dashboard's own.</summary>
public static class CognitoClaims
{
    public const string Username = "cognito:username";
    public const string Groups = "cognito:groups";
    public const string Email = "email";
    public const string Subject = "sub";
    /// <summary>"id" in an ID token, "access" in an access token: only an ID token signs a user in.</summary>
    public const string TokenUse = "token_use";
    /// <summary>The dashboard's server-side session id (see <see cref="SessionRegistry"/>).</summary>
    public const string Session = "dashboard:session";

    /// <summary>The name to show and log for a user: cognito:username, else email, else sub.</summary>
    public static string DisplayName(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(Username)?.Value ?? user.FindFirst(Email)?.Value ?? user.FindFirst(Subject)?.Value ?? user.Identity?.Name ?? "(anonymous)";
}
