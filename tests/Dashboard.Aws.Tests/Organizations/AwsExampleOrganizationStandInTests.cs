using Dashboard.Aws.Organizations;
using Dashboard.StandIn;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Aws.Tests.Organizations;

/// <summary>The stand-in switched to the AWS documentation's example organization (`standin --org aws-example`).</summary>
public sealed class AwsExampleOrganizationStandInTests
{
    [Fact]
    public async Task CollectAsync_StandInServingTheAwsExample_ReadsThatOrganization()
    {
        await using var server = await StandInServer.StartAsync(
            new StandInOptions { Findings = 10, Accounts = 2, OrganizationFile = "aws-example" }, cancellationToken: TestContext.Current.CancellationToken);
        await using var services = OrganizationsTestServices.Build(server.BaseUrl.ToString().TrimEnd('/'));

        var snapshot = await services.GetRequiredService<OrganizationCollector>().CollectAsync(TestContext.Current.CancellationToken);

        Assert.Equal("o-exampleorgid", snapshot.Organization.Id);
        Assert.NotEmpty(snapshot.OrganizationalUnits);
        Assert.Contains(snapshot.Policies, p => p.Name == "FullAWSAccess");
    }
}
