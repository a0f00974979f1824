using System.Security.Claims;

namespace Dashboard.Web.Findings.Workflow;

/// <summary>Who a workflow change is attributed to, in Security Hub's Note.UpdatedBy, the audit trail and the logs.</summary>
internal static class WorkflowUser
{
    private const string CognitoUsername = "cognito:username";
    private const string Email = "email";

    /// <summary>cognito:username, else email, else the identity's name; null when the user has none of them.</summary>
    public static string? NameOf(ClaimsPrincipal user)
    {
        foreach (var candidate in new[] { user.FindFirst(CognitoUsername)?.Value, user.FindFirst(Email)?.Value, user.FindFirst(ClaimTypes.Email)?.Value, user.Identity?.Name })
        {
            if (!string.IsNullOrWhiteSpace(candidate)) return candidate.Trim();
        }
        return null;
    }

    /// <summary>For log lines about refused users, who may have no name at all.</summary>
    public static string ForLog(ClaimsPrincipal user) => NameOf(user) ?? (user.Identity?.IsAuthenticated == true ? "(unnamed user)" : "(anonymous)");
}
