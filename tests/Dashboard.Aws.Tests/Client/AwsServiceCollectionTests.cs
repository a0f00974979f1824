using Dashboard.Aws.Credentials;
using Dashboard.Aws.SecurityHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Tests.Client;

public sealed class AwsServiceCollectionTests
{
    [Fact]
    public void AddDashboardAws_ValidConfiguration_BindsOptionsAndResolvesTheCollector()
    {
        // Arrange
        using var provider = Build(new()
        {
            ["Aws:Accounts:0:AccountId"] = "123456789012",
            ["Aws:Accounts:0:Name"] = "Production",
            ["Aws:Regions:0"] = "eu-west-1",
            ["Aws:AggregationRegion"] = "eu-central-1",
            ["Aws:RoleName"] = "Auditor",
            ["Aws:MaxConcurrency"] = "8",
        });

        // Act
        var options = provider.GetRequiredService<IOptions<AwsOptions>>().Value;
        var collector = provider.GetService<SecurityHubFindingsCollector>();

        // Assert
        Assert.NotNull(collector);
        Assert.Equal("Production", Assert.Single(options.Accounts).Name);
        Assert.Equal(["eu-central-1"], options.FindingsRegions);
        Assert.Equal(8, options.MaxConcurrency);
        Assert.Equal("arn:aws:iam::123456789012:role/Auditor", provider.GetRequiredService<AccountCredentialsProvider>().RoleArnFor("123456789012"));
    }

    [Fact]
    public void AddDashboardAws_InvalidAccountId_FailsNamingTheKey()
    {
        // Arrange
        using var provider = Build(new()
        {
            ["Aws:Accounts:0:AccountId"] = "12-34",
            ["Aws:Regions:0"] = "eu-west-1",
        });

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AwsOptions>>().Value);

        // Assert
        Assert.Contains("Aws:Accounts:0:AccountId must be 12 digits", error.Message);
    }

    [Fact]
    public void AddDashboardAws_TestFakesRegisteredFirst_AreKept()
    {
        // Arrange
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);

        // Act
        using var provider = Build([], services => services.AddSingleton<TimeProvider>(time));

        // Assert
        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        before?.Invoke(services);
        services.AddDashboardAws(configuration);
        return services.BuildServiceProvider();
    }
}
