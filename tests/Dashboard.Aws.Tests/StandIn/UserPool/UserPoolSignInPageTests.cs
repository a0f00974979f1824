using System.Net;
using Dashboard.StandIn.UserPool;

namespace Dashboard.Aws.Tests.StandIn.UserPool;

/// <summary>A pool whose configured users include hostile text.</summary>
public sealed class HostileUserPoolFixture : UserPoolFixture
{
    public const string HostileName = "<script>alert('x')</script>\"&";

    protected override StandInUserPoolOptions CreateOptions() => new()
    {
        Users =
        [
            .. StandInUserPoolOptions.DefaultUsers,
            new StandInUserPoolUser { Username = HostileName, Email = "hostile@example.com", Groups = ["<img src=x onerror=alert(1)>"] },
        ],
    };
}

public sealed class UserPoolSignInPageTests(HostileUserPoolFixture fixture) : IClassFixture<HostileUserPoolFixture>
{
    [Fact]
    public async Task Authorize_Get_ListsEveryUserAsAButtonWithTestId()
    {
        using var client = new OidcTestClient(fixture.Pool);

        using var response = await client.AuthorizeAsync(client.AuthorizeParameters(OidcTestClient.Pkce().Challenge));
        var html = await response.Content.ReadAsStringAsync(OidcTestClient.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Demo sign-in (local Cognito stand-in)</title>", html, StringComparison.Ordinal);
        foreach (var user in StandInUserPoolOptions.DefaultUsers)
        {
            Assert.Contains($"data-testid=\"demo-user-{user.Username}\">{user.Username} ", html, StringComparison.Ordinal);
        }

        Assert.Contains("groups: dashboard-analysts", html, StringComparison.Ordinal);
        Assert.Contains("in no group", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Authorize_HostileUserNameAndParameters_AreHtmlEncoded()
    {
        using var client = new OidcTestClient(fixture.Pool);
        var parameters = client.AuthorizeParameters(OidcTestClient.Pkce().Challenge);
        parameters["state"] = "\"><script>alert(2)</script>";

        using var response = await client.AuthorizeAsync(parameters);
        var html = await response.Content.ReadAsStringAsync(OidcTestClient.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&quot;&amp;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_HostileUser_StillSignsInWithItsExactName()
    {
        using var client = new OidcTestClient(fixture.Pool);

        var tokens = await client.SignInAndExchangeAsync(HostileUserPoolFixture.HostileName);
        var id = UserPoolCodeFlowTests.Payload(await client.ValidateAsync(tokens.GetProperty("id_token").GetString()!, "dashboard-demo-client"));

        Assert.Equal(HostileUserPoolFixture.HostileName, id.GetProperty("cognito:username").GetString());
        Assert.Equal(["<img src=x onerror=alert(1)>"], id.GetProperty("cognito:groups").EnumerateArray().Select(g => g.GetString()));
    }
}
