using Dashboard.Core.Organizations;
using Dashboard.Web.Iam;
using Dashboard.Web.Tests.Organizations;

namespace Dashboard.Web.Tests.Iam;

public sealed class TrustViewModelTests
{
    [Fact]
    public void Build_ExampleAccount_FlagsTheOtherAccountsEdgesAsCrossAccount()
    {
        // Act
        var trust = TrustViewModel.Build(IamTestData.Example, null);

        // Assert: OrganizationAccountAccessRole and the StackSets execution role trust 072528804237.
        var cross = trust.Edges.Where(e => e.IsCrossAccount).ToList();
        Assert.Equal(["OrganizationAccountAccessRole", "stacksets-exec-b5520cb2730c2f54b523d6375a319abb"], cross.Select(e => e.RoleName).Order(StringComparer.Ordinal));
        var org = Assert.Single(cross, e => e.RoleName == "OrganizationAccountAccessRole");
        Assert.Equal((TrustPrincipalKind.Account, IamTestData.OtherAccount), (org.PrincipalKind, org.PrincipalAccount));
        Assert.Equal("sts:AssumeRole", org.Actions);
        Assert.Null(org.IsOutsideOrganization);
        Assert.Equal(2, trust.CrossAccountCount);
        Assert.True(trust.Edges[0].IsHighlighted && trust.Edges[1].IsHighlighted, "cross-account edges come first");
    }

    [Fact]
    public void Build_ExampleAccount_SameAccountServiceAndFederatedEdgesAreNotCrossAccount()
    {
        // Act
        var edges = TrustViewModel.Build(IamTestData.Example, null).Edges;

        // Assert
        var sre = Assert.Single(edges, e => e.RoleName == "privesc-sre-role");
        Assert.Equal((TrustPrincipalKind.User, false), (sre.PrincipalKind, sre.IsCrossAccount));
        var services = edges.Where(e => e.RoleName == "privesc-high-priv-service-role").ToList();
        Assert.Equal(10, services.Count);
        Assert.All(services, e => Assert.Equal((TrustPrincipalKind.Service, false), (e.PrincipalKind, e.IsCrossAccount)));
        var sso = Assert.Single(edges, e => e.RoleName == "AWSReservedSSO_AdministratorAccess_dc6414f7f2ab04fc");
        Assert.Equal(TrustPrincipalKind.Federated, sso.PrincipalKind);
        Assert.Contains("SAML:aud", sso.Conditions, StringComparison.Ordinal);
        Assert.False(sso.IsCrossAccount);
    }

    [Fact]
    public void Build_OrganizationLoaded_EdgesFromAccountsOutsideItAreFlagged()
    {
        // Arrange: the organization holds the example account but not 072528804237.
        var organization = OrganizationTestData.Guarded();

        // Act
        var trust = TrustViewModel.Build(IamTestData.Example, organization);

        // Assert
        Assert.True(trust.OrganizationLoaded);
        var org = Assert.Single(trust.Edges, e => e.RoleName == "OrganizationAccountAccessRole");
        Assert.True(org.IsOutsideOrganization);
        Assert.False(Assert.Single(trust.Edges, e => e.RoleName == "privesc-sre-role").IsOutsideOrganization);
        Assert.Equal(2, trust.OutsideOrganizationCount);
    }

    [Fact]
    public void Build_WildcardPrincipalAndUnreadableTrust_AnyoneEdgeAndAProblem()
    {
        // Arrange
        var snapshot = new Dashboard.Core.Iam.Inventory.IamAccountSnapshot
        {
            AccountId = "123456789012",
            CollectedAt = IamTestData.Now,
            Roles =
            [
                new() { Arn = "arn:aws:iam::123456789012:role/open", RoleName = "open",
                    TrustPolicy = new("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}""") },
                new() { Arn = "arn:aws:iam::123456789012:role/broken", RoleName = "broken", TrustPolicy = new("{not json") },
            ],
        };

        // Act
        var trust = TrustViewModel.Build(snapshot, null);

        // Assert
        var open = Assert.Single(trust.Edges);
        Assert.Equal((TrustPrincipalKind.Everyone, true), (open.PrincipalKind, open.IsCrossAccount));
        Assert.Contains("aws:PrincipalOrgID", open.Conditions, StringComparison.Ordinal);
        Assert.Equal("broken", Assert.Single(trust.Problems).RoleName);
    }
}
