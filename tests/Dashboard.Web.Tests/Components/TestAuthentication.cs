using System.Security.Claims;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// The signed-in user of a component test, with the claims the real sign-in produces (cognito:username,
/// a role claim). The real policies evaluate it, so role checks are tested, not faked.
/// </summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    private ClaimsPrincipal _user = SignedIn("demo-admin", DashboardRoles.Admin);

    public ClaimsPrincipal User => _user;

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));

    public void SignInAs(string username, string? role)
    {
        _user = SignedIn(username, role);
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }

    public void SignOut()
    {
        _user = new ClaimsPrincipal(new ClaimsIdentity());
        NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
    }

    public static ClaimsPrincipal SignedIn(string username, string? role)
    {
        var claims = new List<Claim>
        {
            new(CognitoClaims.Username, username),
            new(CognitoClaims.Email, username + "@example.com"),
        };
        if (role is not null) claims.Add(new Claim(ClaimTypes.Role, role));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", CognitoClaims.Username, ClaimTypes.Role));
    }
}
