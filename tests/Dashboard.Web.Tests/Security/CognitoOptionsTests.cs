using Dashboard.Web.Security;

namespace Dashboard.Web.Tests.Security;

/// <summary>The sign-in settings: what a real pool needs, what is refused at start, and the URLs built from them.</summary>
public sealed class CognitoOptionsTests
{
    private static CognitoOptions RealPool() => new()
    {
        Region = "eu-west-1", UserPoolId = "eu-west-1_AbCdEf123", ClientId = "client123", Domain = "myteam.auth.eu-west-1.amazoncognito.com",
    };

    private static IReadOnlyList<string> Problems(CognitoOptions options)
        => new CognitoOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_RealPool_IsAccepted_AndTheIssuerIsCognitos()
    {
        var options = RealPool();

        Assert.Empty(Problems(options));
        Assert.Equal("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123", options.EffectiveAuthority);
    }

    [Fact]
    public void Validate_NothingConfigured_RefusesToStartNamingTheSettings()
    {
        var problem = Assert.Single(Problems(new CognitoOptions()));

        Assert.Contains("Cognito:UserPoolId", problem);
        Assert.Contains("Cognito:ClientId", problem);
    }

    [Theory]
    [InlineData("Region", "Europe", "Cognito:Region")]
    [InlineData("UserPoolId", "no-underscore", "Cognito:UserPoolId")]
    [InlineData("Domain", "", "Cognito:Domain")]
    public void Validate_BadSetting_IsNamed(string property, string value, string named)
    {
        var options = RealPool();
        typeof(CognitoOptions).GetProperty(property)!.SetValue(options, value);

        Assert.Contains(Problems(options), p => p.Contains(named, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://idp.example.com/pool", false, false)]
    [InlineData("http://idp.example.com/pool", true, false)]
    [InlineData("http://127.0.0.1:8080/pool", true, false)]
    [InlineData("http://127.0.0.1:8080/pool", false, true)]
    [InlineData("https://idp.example.com/pool", true, true)]
    public void Validate_PlainHttpAuthority_OnlyOnLoopbackWithHttpsMetadataOff(string authority, bool requireHttps, bool accepted)
    {
        var options = RealPool();
        options.Authority = authority;
        options.RequireHttpsMetadata = requireHttps;

        Assert.Equal(accepted, Problems(options).Count == 0);
    }

    [Fact]
    public void Validate_MaximumLifetimeShorterThanIdleTimeout_IsRefused()
    {
        var options = RealPool();
        options.IdleTimeout = TimeSpan.FromHours(2);
        options.MaxSessionLifetime = TimeSpan.FromHours(1);

        Assert.Contains(Problems(options), p => p.Contains("MaxSessionLifetime", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("myteam.auth.eu-west-1.amazoncognito.com", "https://myteam.auth.eu-west-1.amazoncognito.com/")]
    [InlineData("https://auth.example.com/some/path", "https://auth.example.com/")]
    [InlineData("http://127.0.0.1:5005", "http://127.0.0.1:5005/")]
    public void LogoutUrl_IsCognitosOwnLogoutOnTheDomain(string domain, string expectedBase)
    {
        var options = RealPool();
        options.Domain = domain;

        var logout = options.LogoutUrl("https://dashboard.example.com/signed-out");

        Assert.Equal(expectedBase + "logout?client_id=client123&logout_uri=https%3A%2F%2Fdashboard.example.com%2Fsigned-out", logout);
    }

    [Fact]
    public void ContentSecurityPolicy_FormsMayPostOnlyHereOrToTheSignInDomain()
    {
        var csp = SecurityHeadersMiddleware.ContentSecurityPolicy(RealPool());

        Assert.Contains("form-action 'self' https://myteam.auth.eu-west-1.amazoncognito.com", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
    }
}
