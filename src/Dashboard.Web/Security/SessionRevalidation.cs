using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// An open tab keeps its Blazor circuit long after the page loaded; this re-checks the session every
/// <see cref="CognitoOptions.RevalidationInterval"/>, so a signed-out or expired session stops working
/// there too (the page then shows "session ended" instead of data).
/// </summary>
public sealed class SessionRevalidatingStateProvider(
    ILoggerFactory loggerFactory,
    SessionRegistry sessions,
    IOptionsMonitor<CognitoOptions> options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.CurrentValue.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
        => Task.FromResult(IsSessionValid(authenticationState.User));

    /// <summary>True while the user's server-side session exists and is within its maximum lifetime.</summary>
    public bool IsSessionValid(System.Security.Claims.ClaimsPrincipal user)
        => sessions.IsActive(user.FindFirst(CognitoClaims.Session)?.Value, options.CurrentValue.MaxSessionLifetime);
}
