using Dashboard.Browser.Tests.OidcProvider;
using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>
/// The independent check of sign-in: an OpenID provider we did not write (npm oidc-provider, set up
/// like a Cognito user pool: PKCE required, cognito:groups in the ID token, Cognito's /logout) signs
/// a user into the real dashboard in Chromium, the role follows the user's group, and sign-out ends
/// both the dashboard's session and the provider's.
/// </summary>
public sealed class ThirdPartySignInTests(ThirdPartySignInFixture fixture) : IClassFixture<ThirdPartySignInFixture>
{
    [Theory]
    [InlineData("alice-analyst", "Analyst")]
    [InlineData("ada-admin", "Admin")]
    [InlineData("victor-viewer", "Viewer")]
    public async Task SignIn_CognitoLikeThirdPartyProvider_ShowsOverviewWithGroupRoleThenSignsOut(string user, string role)
    {
        if (fixture.SkipReason is { } reason) Assert.Skip(reason);
        var page = await fixture.NewPageAsync();

        // Anonymous: the dashboard sends the browser to the provider, which asks who it is.
        await page.GotoAsync("/");
        await SignInAtProviderAsync(page, user);

        await page.WaitForURLAsync(IsDashboardPage);
        await Assertions.Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync(user);
        await Assertions.Expect(page.GetByTestId("user-role")).ToHaveTextAsync(role);

        // Sign-out goes through the provider's Cognito-style /logout and back to the dashboard.
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(new Uri(fixture.Dashboard.BaseUrl, "signed-out").AbsoluteUri, StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in again" })).ToBeVisibleAsync();

        // Both sessions are gone: the dashboard challenges again, and the provider asks for the login
        // again instead of silently signing the user back in.
        await page.GotoAsync("/");
        await Assertions.Expect(LoginField(page)).ToBeVisibleAsync();
        Assert.StartsWith(fixture.Provider.Issuer + "/", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UserInNoCognitoGroup_SeesNoAccessInsteadOfOverview()
    {
        if (fixture.SkipReason is { } reason) Assert.Skip(reason);
        var page = await fixture.NewPageAsync();

        // Cognito leaves cognito:groups out of the token for a user in no group.
        await page.GotoAsync("/");
        await SignInAtProviderAsync(page, "nora-nogroups");

        await page.WaitForURLAsync(IsDashboardPage);
        await Assertions.Expect(page.GetByTestId("no-access")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("no-access-user")).ToHaveTextAsync("nora-nogroups");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("total-active")).ToHaveCountAsync(0);
    }

    private async Task SignInAtProviderAsync(IPage page, string user)
    {
        // oidc-provider's development login page: any password is accepted.
        await Assertions.Expect(LoginField(page)).ToBeVisibleAsync();
        Assert.StartsWith(fixture.Provider.Issuer + "/", page.Url, StringComparison.Ordinal);
        await LoginField(page).FillAsync(user);
        await page.Locator("input[name='password']").FillAsync("any-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
    }

    private static ILocator LoginField(IPage page) => page.Locator("input[name='login']");

    private bool IsDashboardPage(string url) =>
        url.StartsWith(fixture.Dashboard.BaseUrl.AbsoluteUri, StringComparison.Ordinal)
        && !url.Contains("/signin-oidc", StringComparison.Ordinal);
}
