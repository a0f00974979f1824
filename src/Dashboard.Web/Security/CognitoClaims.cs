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

    /// <summary>
    /// Who a user is, for attributing a change (Security Hub's Note.UpdatedBy, audit trails): cognito:username,
    /// else email, else the identity's name; null when the user has none of them.
    /// </summary>
    public static string? Name(System.Security.Claims.ClaimsPrincipal user)
    {
        foreach (var candidate in new[] { user.FindFirst(Username)?.Value, user.FindFirst(Email)?.Value, user.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value, user.Identity?.Name })
        {
            if (!string.IsNullOrWhiteSpace(candidate)) return candidate.Trim();
        }
        return null;
    }

    /// <summary>The name to show and log for a user: <see cref="Name"/>, else sub, else what kind of nobody it is.</summary>
    public static string DisplayName(System.Security.Claims.ClaimsPrincipal user) =>
        Name(user) ?? user.FindFirst(Subject)?.Value ?? (user.Identity?.IsAuthenticated == true ? "(unnamed user)" : "(anonymous)");
}
