using Dashboard.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Tests.Hosting;

public sealed class DemoModeTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings)
        => new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void IsOn_NoConfiguration_IsDemo() => Assert.True(DemoMode.IsOn(Config()));

    [Fact]
    public void IsOn_AnAwsAccountConfigured_NeverStartsTheStandIn()
        => Assert.False(DemoMode.IsOn(Config(("Aws:Accounts:0:AccountId", "111122223333"))));

    [Fact]
    public void IsOn_ExplicitlyOff_IsNotDemoEvenWithoutAccounts()
        => Assert.False(DemoMode.IsOn(Config(("Dashboard:Demo", "false"))));

    [Fact]
    public void IsOn_ExplicitlyOn_WinsOverConfiguredAccounts()
        => Assert.True(DemoMode.IsOn(Config(("Dashboard:Demo", "true"), ("Aws:Accounts:0:AccountId", "111122223333"))));

    [Fact]
    public void Configure_NoUserPoolConfigured_SignsInThroughTheStandInPoolOnLoopback()
    {
        var configuration = new ConfigurationManager();

        var demo = DemoMode.Configure(configuration);

        var authority = new Uri(configuration["Cognito:Authority"]!);
        Assert.True(authority.IsLoopback);
        Assert.Equal("/us-east-1_DEMOPOOL1", authority.AbsolutePath);
        Assert.Equal("dashboard-demo-client", configuration["Cognito:ClientId"]);
        Assert.False(string.IsNullOrEmpty(configuration["Cognito:ClientSecret"]));
        Assert.Equal(authority.GetLeftPart(UriPartial.Authority), configuration["Cognito:Domain"]);
        Assert.True(demo.PlaysTheUserPool);
    }

    [Fact]
    public void Configure_RealUserPoolConfigured_NeverStartsTheStandInPool()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("Cognito:ClientId", "real-client"), new("Cognito:UserPoolId", "eu-west-1_Real1")]);

        var demo = DemoMode.Configure(configuration);

        Assert.False(demo.PlaysTheUserPool);
        Assert.Null(configuration["Cognito:Authority"]);
        Assert.Equal("real-client", configuration["Cognito:ClientId"]);
    }
}
