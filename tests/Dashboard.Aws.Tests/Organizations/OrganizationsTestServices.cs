using Dashboard.Aws.Organizations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Aws.Tests.Organizations;

/// <summary>
/// The real DI graph of Dashboard.Aws plus AddDashboardAwsOrganizations, with STS and Organizations pointed
/// at one loopback URL (a stand-in or a fake). The ambient "demo" key decides who the caller is: any plain
/// key acts as the stand-in's management account, "ASIASI" + account + 2 characters as that account.
/// </summary>
internal static class OrganizationsTestServices
{
    public const string ManagementKey = "AKIAORGTESTEXAMPLE";

    /// <summary>The stand-in reads the account straight from such a key (see StandInCredentials).</summary>
    public static string KeyFor(string accountId) => "ASIASI" + accountId + "AA";

    public static ServiceProvider Build(string serviceUrl, string accessKeyId = ManagementKey, Dictionary<string, string?>? settings = null)
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // A home Region other than us-east-1: Organizations must still be signed for us-east-1.
            ["Aws:Regions:0"] = "eu-west-1",
            ["Aws:ServiceUrls:Sts"] = serviceUrl,
            ["Aws:ServiceUrls:Organizations"] = serviceUrl,
            // Demo keys are refused unless every endpoint is loopback.
            ["Aws:ServiceUrls:SecurityHub"] = serviceUrl,
            ["Aws:ServiceUrls:Iam"] = serviceUrl,
            ["Aws:DemoAccessKeyId"] = accessKeyId,
            ["Aws:DemoSecretAccessKey"] = "demo-secret",
            ["Aws:MaxErrorRetry"] = "3",
        }).AddInMemoryCollection(settings ?? []).Build();

        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDashboardAws(configuration);
        services.AddDashboardAwsOrganizations();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
