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
}
