using Dashboard.Aws.Organizations;
using Dashboard.Aws.Tests.StandIn;
using Dashboard.Core.Organizations;
using Dashboard.StandIn;
using Dashboard.StandIn.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Aws.Tests.Organizations;

/// <summary>The collector end to end against the stand-in's generated organization, over the real wire protocol.</summary>
public sealed class OrganizationCollectorStandInTests(StandInOrganizationFixture fixture) : IClassFixture<StandInOrganizationFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Url => fixture.Server.BaseUrl.ToString().TrimEnd('/');

    [Fact]
    public async Task CollectAsync_GeneratedOrganization_ReadsTheWholeRecursiveTree()
    {
        // Arrange
        await using var services = OrganizationsTestServices.Build(Url);
        var tree = fixture.Tree;

        // Act
        var snapshot = await services.GetRequiredService<OrganizationCollector>().CollectAsync(Ct);

        // Assert
        Assert.Equal((tree.Id, tree.RootId, tree.ManagementAccountId), (snapshot.Organization.Id, snapshot.Root.Id, snapshot.ManagementAccountId));
        Assert.Equal(tree.Units.Select(u => (u.Id, u.Name, u.ParentId)).Order(), snapshot.OrganizationalUnits.Select(u => (u.Id, u.Name, u.ParentId)).Order());
        Assert.Equal(tree.Accounts.Select(a => (a.Id, a.Status, a.ParentId)).Order(), snapshot.Accounts.Select(a => (a.Id, a.Status, a.ParentId)).Order());
        Assert.Equal(tree.Policies.Count, snapshot.Policies.Count);
        Assert.All(tree.Policies, p => Assert.Equal(p.Content, snapshot.FindPolicy(p.Id)!.Content));
        Assert.Equal([OrganizationPolicyTypes.ServiceControlPolicy, OrganizationPolicyTypes.ResourceControlPolicy], snapshot.Root.EnabledPolicyTypes);

        var network = snapshot.OrganizationalUnits.Single(u => u.Name == "Network");
        Assert.Equal(4, snapshot.PathTo(network.Id).Count);
        foreach (var target in snapshot.Attachments.Keys)
        {
            var expected = tree.PoliciesFor(target, OrganizationPolicyTypes.ServiceControlPolicy).Concat(tree.PoliciesFor(target, OrganizationPolicyTypes.ResourceControlPolicy)).Select(p => p.Id);
            Assert.Equal(expected.Order(), snapshot.Attachments[target].Order());
        }
    }

    [Fact]
    public async Task CollectAsync_ListsThatStartWithAnEmptyPage_StillReadToTheEnd()
    {
        // Arrange: the stand-in starts some lists with an empty page that carries a NextToken.
        var tree = fixture.Tree;
        var parents = tree.Units.Select(u => u.Id).Prepend(tree.RootId).ToList();
        var emptyFirst = parents.Where(p => OrganizationsPaging.StartsWithEmptyPage("ListAccountsForParent", p) && tree.ChildAccounts(p).Count > 0).ToList();
        Assert.NotEmpty(emptyFirst);
        await using var services = OrganizationsTestServices.Build(Url);

        // Act
        var snapshot = await services.GetRequiredService<OrganizationCollector>().CollectAsync(Ct);

        // Assert
        Assert.All(emptyFirst, parent => Assert.Equal(tree.ChildAccounts(parent).Select(a => a.Id), snapshot.AccountsIn(parent).Select(a => a.Id)));
    }

    [Fact]
    public async Task CollectAsync_Throttled_RetriesAndSucceeds()
    {
        // Arrange: a dedicated stand-in, so the queued throttles hit only this test's calls.
        await using var server = await StandInServer.StartAsync(StandInFixture.Options(findings: 0), cancellationToken: Ct);
        server.Faults.ThrottleNext(2);
        await using var services = OrganizationsTestServices.Build(server.BaseUrl.ToString().TrimEnd('/'));

        // Act
        var snapshot = await services.GetRequiredService<OrganizationCollector>().CollectAsync(Ct);

        // Assert
        Assert.Equal(server.Data.Organization.Accounts.Count, snapshot.Accounts.Count);
        Assert.Empty(server.Faults.Snapshot().Pending);
    }

    [Fact]
    public async Task CollectAsync_MemberAccountCaller_IsDeniedWithAClearError()
    {
        // Arrange: a member may describe its organization but not list it.
        var member = fixture.Tree.Accounts.First(a => a.Name == "prod-web").Id;
        await using var services = OrganizationsTestServices.Build(Url, OrganizationsTestServices.KeyFor(member));

        // Act
        var error = await Assert.ThrowsAsync<OrganizationsAccessException>(() => services.GetRequiredService<OrganizationCollector>().CollectAsync(Ct));

        // Assert
        Assert.Equal((OrganizationsAccessProblem.AccessDenied, member, "ListRoots"), (error.Problem, error.AccountId, error.Operation));
        Assert.Contains("Only the management account or a delegated administrator", error.Message, StringComparison.Ordinal);
        Assert.Equal("AccessDeniedException", error.InnerException is Amazon.Runtime.AmazonServiceException aws ? aws.ErrorCode : null);
    }

    [Fact]
    public async Task CollectAsync_DelegatedAdministrator_ReadsTheOrganization()
    {
        // Arrange
        var audit = fixture.Tree.Accounts.First(a => a.Name == "audit").Id;
        await using var services = OrganizationsTestServices.Build(Url, OrganizationsTestServices.KeyFor(audit));

        // Act
        var snapshot = await services.GetRequiredService<OrganizationCollector>().CollectAsync(Ct);

        // Assert
        Assert.Equal(fixture.Tree.Accounts.Count, snapshot.Accounts.Count);
    }

    [Fact]
    public async Task CollectAsync_AccountOutsideAnyOrganization_SaysItIsNotInUse()
    {
        // Arrange
        await using var services = OrganizationsTestServices.Build(Url, OrganizationsTestServices.KeyFor("987654321098"));

        // Act
        var error = await Assert.ThrowsAsync<OrganizationsAccessException>(() => services.GetRequiredService<OrganizationCollector>().CollectAsync(Ct));

        // Assert
        Assert.Equal((OrganizationsAccessProblem.NotInUse, "DescribeOrganization"), (error.Problem, error.Operation));
        Assert.Contains("Account 987654321098 is not a member of an AWS organization", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoverAccounts_CollectedGeneratedOrganization_ActiveAccountsWithTheManagementMarked()
    {
        // Arrange: account discovery reads the collected tree (the sync collects it first in every run).
        await using var services = OrganizationsTestServices.Build(Url);
        var tree = fixture.Tree;

        // Act
        var accounts = (await services.GetRequiredService<OrganizationCollector>().CollectAsync(Ct)).DiscoverAccounts();

        // Assert
        var suspended = Assert.Single(tree.Accounts, a => a.Status == "SUSPENDED");
        Assert.Equal(tree.Accounts.Count - 1, accounts.Count);
        Assert.DoesNotContain(accounts, a => a.AccountId == suspended.Id);
        Assert.Equal([tree.ManagementAccountId], accounts.Where(a => a.IsManagement).Select(a => a.AccountId));
    }

    [Fact]
    public async Task Collect_AwsExampleOrganizationFile_MatchesTheCoreReaderOfTheSameFile()
    {
        // Arrange: the embedded AWS example, served by the service and read by the dashboard's own file reader.
        var served = OrganizationFile.LoadAwsExample();
        var seed = typeof(OrganizationTree).Assembly.GetManifestResourceStream("Dashboard.StandIn.Seed.org.aws-example-organization.json")!;
        using var reader = new StreamReader(seed);
        var json = await reader.ReadToEndAsync(Ct);

        // Act
        var snapshot = OrganizationFileReader.Read(json, "aws-example-organization.json");

        // Assert
        Assert.Equal(served.Accounts.Select(a => (a.Id, a.ParentId)).Order(), snapshot.Accounts.Select(a => (a.Id, a.ParentId)).Order());
        Assert.Equal(served.Units.Select(u => u.Id).Order(), snapshot.OrganizationalUnits.Select(u => u.Id).Order());
        Assert.Equal(["AllowAllEC2Actions"], EffectivePolicies.ForAccount(snapshot, "444444444444")[^1].Policies.Select(p => p.Name));
        Assert.Empty(snapshot.PolicyProblems());
    }
}
