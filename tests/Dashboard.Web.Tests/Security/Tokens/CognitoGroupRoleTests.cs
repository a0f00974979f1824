using System.Net;
using System.Text;
using Dashboard.Web.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dashboard.Web.Tests.Security.Tokens;

/// <summary>
/// cognito:groups from a real sign-in become the session's application role (the highest one mapped,
/// default group names), and the app's policies act on it: in no mapped group a user signs in but
/// meets the "no access" page; with a role, anything above it is a 403.
/// </summary>
public sealed class CognitoGroupRoleTests : SignInTest
{
    [Fact]
    public async Task SignIn_AnalystGroup_AnalystActionsAllowedAdminActionsForbidden()
    {
        using var attempt = await SignInInGroups("dashboard-analysts");

        Assert.Equal([DashboardRoles.Analyst], (await attempt.Browser.SessionAsync("/analyst-only", Ct)).Roles);
        using var admin = await attempt.Browser.Client.GetAsync("/admin-only", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }

    [Theory]
    [InlineData]
    [InlineData("finance-team")]
    [InlineData("finance-team", "Dashboard-Admins")]
    public async Task SignIn_InNoMappedGroup_SignsInWithoutRoleAndGetsTheNoAccessPage(params string[] groups)
    {
        using var attempt = await SignInInGroups(groups);

        Assert.Equal(HttpStatusCode.Redirect, attempt.Callback.StatusCode);
        Assert.True(attempt.SetSessionCookie, "a user in no mapped group could not sign in at all");
        var session = await attempt.Browser.SessionAsync("/me", Ct);
        Assert.Equal("alice", session.Name);
        Assert.Empty(session.Roles);
        using var page = await attempt.Browser.Client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var noAccess = new Uri(TestBrowser.BaseAddress, page.Headers.Location!);
        Assert.Equal(TestBrowser.BaseAddress.Authority, noAccess.Authority);
        Assert.Equal("/no-access", noAccess.AbsolutePath);
        Assert.Contains(Host.Logs.From<CognitoSignInEvents>(), e => e.Message.Contains("alice signed in with role none", StringComparison.Ordinal));
        AssertNoSecretsInLogs(attempt);
    }

    [Fact]
    public async Task SignIn_AdminAndViewerGroups_GetsTheHigherAdminRole()
    {
        using var attempt = await SignInInGroups("dashboard-viewers", "dashboard-admins");

        var session = await attempt.Browser.SessionAsync("/admin-only", Ct);
        Assert.Equal([DashboardRoles.Admin], session.Roles);
    }

    [Fact]
    public async Task SignIn_SingleGroupAsOneElementArray_GetsThatRole()
    {
        using var attempt = await SignInInGroups("dashboard-viewers");

        // Cognito always sends an array, even for one group; make sure that is what was tested.
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(new JsonWebToken(attempt.IdToken).EncodedPayload));
        Assert.Contains("\"cognito:groups\":[\"dashboard-viewers\"]", payload, StringComparison.Ordinal);
        Assert.Equal([DashboardRoles.Viewer], (await attempt.Browser.SessionAsync("/", Ct)).Roles);
        using var analyst = await attempt.Browser.Client.GetAsync("/analyst-only", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, analyst.StatusCode);
    }

    [Fact]
    public async Task SignIn_GroupsAsPlainString_GetsThatRole()
    {
        // Other OpenID providers (and hand-made pools) may send a single group as a string.
        using var attempt = await SignInWith((nonce, accessToken) =>
        {
            var claims = TestUserPool.IdTokenClaims(nonce, accessToken);
            claims[CognitoClaims.Groups] = "dashboard-analysts";
            return Host.Pool.Issue(claims);
        });

        Assert.Equal([DashboardRoles.Analyst], (await attempt.Browser.SessionAsync("/", Ct)).Roles);
    }
}
