using System.Net;
using Dashboard.StandIn.UserPool;

namespace Dashboard.Aws.Tests.StandIn.UserPool;

public sealed class UserPoolLoggingTests
{
    [Fact]
    public async Task FullFlow_AtTraceLevel_NeverLogsCodesTokensOrSecrets()
    {
        const string secret = "logged-secret-must-not-appear-7f3a9c";
        using var capture = new CapturingLoggerProvider();
        using var loggerFactory = capture.CreateFactory();
        await using var pool = await StandInUserPool.StartAsync(new StandInUserPoolOptions { ClientSecret = secret }, loggerFactory, TestContext.Current.CancellationToken);
        using var client = new OidcTestClient(pool, new CookieContainer());
        var (verifier, challenge) = OidcTestClient.Pkce();

        using var callback = await client.SignInAsync(client.AuthorizeParameters(challenge), "demo-admin");
        var code = OidcTestClient.CodeFrom(callback);
        var (status, tokens) = await client.ExchangeAsync(code, verifier, secret: secret);
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        using var userInfo = await client.UserInfoAsync(accessToken);
        using var logout = await client.GetAsync(pool.LogoutUrl("http://127.0.0.1:5123/").PathAndQuery.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);
        var log = string.Join("\n", capture.Lines);
        Assert.Contains("signed in demo-admin", log, StringComparison.Ordinal);
        foreach (var value in new[] { code, verifier, secret, accessToken, tokens.GetProperty("id_token").GetString()! })
        {
            Assert.DoesNotContain(value, log, StringComparison.Ordinal);
        }

        // A JWT's first segment is the same for every token of a key: any token fragment would show it.
        Assert.DoesNotContain(accessToken.Split('.')[1], log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_OfEveryKind_AreLoggedWithTheirReason()
    {
        using var capture = new CapturingLoggerProvider();
        using var loggerFactory = capture.CreateFactory();
        await using var pool = await StandInUserPool.StartAsync(new StandInUserPoolOptions { ClientSecret = "right-secret" }, loggerFactory, TestContext.Current.CancellationToken);
        using var client = new OidcTestClient(pool);
        var noPkce = client.AuthorizeParameters("unused");
        noPkce.Remove("code_challenge");
        var badScope = client.AuthorizeParameters(OidcTestClient.Pkce().Challenge, scope: "openid launch-codes");

        using var first = await client.AuthorizeAsync(noPkce);
        using var second = await client.AuthorizeAsync(badScope);
        var (status, _) = await client.ExchangeAsync("not-a-code", "verifier-verifier-verifier-verifier-0123", secret: "wrong-secret");
        using var third = await client.GetAsync("logout?client_id=dashboard-demo-client&logout_uri=https%3A%2F%2Fevil.example.com%2F");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        var warnings = capture.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        Assert.Contains(warnings, l => l.Contains("Authorization", StringComparison.Ordinal) && l.Contains("code_challenge", StringComparison.Ordinal));
        Assert.Contains(warnings, l => l.Contains("invalid_scope", StringComparison.Ordinal));
        Assert.Contains(warnings, l => l.Contains("Token", StringComparison.Ordinal) && l.Contains("invalid_client", StringComparison.Ordinal));
        Assert.Contains(warnings, l => l.Contains("refused a logout", StringComparison.Ordinal) && l.Contains("evil.example.com", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, l => l.Contains("wrong-secret", StringComparison.Ordinal) || l.Contains("not-a-code", StringComparison.Ordinal));
    }
}
