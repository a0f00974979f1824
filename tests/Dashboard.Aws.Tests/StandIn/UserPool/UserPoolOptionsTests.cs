using Dashboard.StandIn.UserPool;

namespace Dashboard.Aws.Tests.StandIn.UserPool;

public sealed class UserPoolOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoProblemsAndFourDemoUsers()
    {
        var options = new StandInUserPoolOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(["demo-admin", "demo-analyst", "demo-viewer", "demo-outsider"], options.EffectiveUsers.Select(u => u.Username));
        Assert.Empty(options.EffectiveUsers.Single(u => u.Username == "demo-outsider").Groups);
        Assert.Equal(TimeSpan.FromHours(1), options.IdTokenLifetime);
    }

    [Theory]
    [InlineData("UserPoolId", "DEMOPOOL1", "StandIn:UserPool:UserPoolId")]
    [InlineData("UserPoolId", "eu-west-1_DEMOPOOL1", "StandIn:UserPool:UserPoolId")]
    [InlineData("UserPoolId", "us-east-1_DEMO-POOL", "StandIn:UserPool:UserPoolId")]
    [InlineData("Region", "moon-base-1", "StandIn:UserPool:Region")]
    [InlineData("ClientId", "has space", "StandIn:UserPool:ClientId")]
    [InlineData("RedirectUris", "ftp://example.com/signin-oidc", "StandIn:UserPool:RedirectUris")]
    [InlineData("SignOutUris", "/relative", "StandIn:UserPool:SignOutUris")]
    [InlineData("Port", "70000", "StandIn:UserPool:Port")]
    [InlineData("IdTokenLifetime", "2.00:00:00", "StandIn:UserPool:IdTokenLifetime")]
    public void Validate_BadSetting_NamesTheKey(string setting, string value, string key)
    {
        var options = new StandInUserPoolOptions();
        switch (setting)
        {
            case "UserPoolId": options.UserPoolId = value; break;
            case "Region": options.Region = value; break;
            case "ClientId": options.ClientId = value; break;
            case "RedirectUris": options.RedirectUris = [value]; break;
            case "SignOutUris": options.SignOutUris = [value]; break;
            case "Port": options.Port = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "IdTokenLifetime": options.IdTokenLifetime = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith(key, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateOrEmptyUsers_AreProblems()
    {
        var options = new StandInUserPoolOptions
        {
            Users = [new() { Username = "alice" }, new() { Username = "ALICE" }, new() { Username = " " }],
        };

        var problems = options.Validate();

        Assert.Contains(problems, p => p.Contains("'alice' more than once", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("a user name must be 1 to 128 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_ThrowsWithEveryProblem()
    {
        var options = new StandInUserPoolOptions { UserPoolId = "nope", ClientId = "" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => StandInUserPool.StartAsync(options, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("StandIn:UserPool:UserPoolId", error.Message, StringComparison.Ordinal);
        Assert.Contains("StandIn:UserPool:ClientId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/signin-oidc", true)]
    [InlineData("http://localhost:61234/signin-oidc", true)]
    [InlineData("https://localhost/signin-oidc", true)]
    [InlineData("http://[::1]:5000/signin-oidc", true)]
    [InlineData("http://127.0.0.1:5000/dashboard/signin-oidc", true)]
    [InlineData("http://127.0.0.1:5000/signin-oidc?x=1", false)]
    [InlineData("http://127.0.0.1:5000/signin-oidc#x", false)]
    [InlineData("http://127.0.0.1:5000/other", false)]
    [InlineData("http://user@127.0.0.1:5000/signin-oidc", false)]
    [InlineData("http://127.0.0.1.evil.example.com/signin-oidc", false)]
    [InlineData("http://localhost.evil.example.com/signin-oidc", false)]
    [InlineData("http://10.0.0.5:5000/signin-oidc", false)]
    [InlineData("file:///127.0.0.1/signin-oidc", false)]
    [InlineData("https://app.example.com/signin-oidc", true)]
    [InlineData("https://app.example.com/signin-oidc/", false)]
    [InlineData("HTTPS://app.example.com/signin-oidc", false)]
    public void IsAllowedRedirect_LoopbackRuleAndExactList(string uri, bool allowed)
    {
        var rules = new RedirectRules(new StandInUserPoolOptions { RedirectUris = ["https://app.example.com/signin-oidc"] });

        Assert.Equal(allowed, rules.IsAllowedRedirect(uri));
    }

    [Fact]
    public void IsAllowedRedirect_LoopbackRuleOff_OnlyExactList()
    {
        var rules = new RedirectRules(new StandInUserPoolOptions
        {
            RedirectUris = ["https://app.example.com/signin-oidc"],
            SignOutUris = ["https://app.example.com/"],
            AllowLoopbackRedirects = false,
        });

        Assert.True(rules.IsAllowedRedirect("https://app.example.com/signin-oidc"));
        Assert.False(rules.IsAllowedRedirect("http://127.0.0.1:5000/signin-oidc"));
        Assert.True(rules.IsAllowedSignOut("https://app.example.com/"));
        Assert.False(rules.IsAllowedSignOut("http://127.0.0.1:5000/"));
    }
}
