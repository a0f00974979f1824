using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Dashboard.Web.Security;

/// <summary>
/// The server-side check in front of every state-changing action a component offers ("Sync now",
/// workflow updates): hiding a button is not a guard, because a circuit can invoke any handler.
/// A refusal is logged with who asked for what.
/// </summary>
public sealed class ActionAuthorizer(IAuthorizationService authorization, ILogger<ActionAuthorizer> logger)
{
    public async Task<bool> IsAllowedAsync(ClaimsPrincipal user, string policy, string action)
    {
        var result = await authorization.AuthorizeAsync(user, resource: null, policy);
        if (!result.Succeeded)
        {
            logger.LogWarning(
                "Refused {Action} for {User} (role {Role}): the {Policy} policy is required",
                action, CognitoClaims.DisplayName(user), user.FindFirst(ClaimTypes.Role)?.Value ?? "none", policy);
        }
        return result.Succeeded;
    }
}
