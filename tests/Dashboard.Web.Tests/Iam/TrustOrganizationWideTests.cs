using Bunit;
using Dashboard.Web.Components.Iam;
using Dashboard.Web.Iam;
using Dashboard.Web.Tests.Organizations;

namespace Dashboard.Web.Tests.Iam;

/// <summary>The trust view across every cached account: only the edges that cross an account boundary.</summary>
public sealed class TrustOrganizationWideTests : IamUiTest
{
    private const string Hostile = "<script>alert(1)</script>";

    [Fact]
    public void CrossAccount_TwoAccounts_KeepsOnlyEdgesFromAnotherAccountOrAnybody()
    {
        // Arrange
        var example = TrustViewModel.Build(IamTestData.Example, null);
        var hostile = TrustViewModel.Build(IamTestData.Hostile(Hostile), null);

        // Act
        var all = TrustViewModel.CrossAccount([example, hostile], organizationLoaded: false);

        // Assert
        Assert.True(all.IsOrganizationWide);
        Assert.Null(all.AccountId);
        Assert.Equal(2, all.AccountsCovered);
        Assert.Equal(example.CrossAccountCount + hostile.CrossAccountCount, all.Edges.Count);
        Assert.All(all.Edges, e => Assert.True(e.IsHighlighted));
        Assert.Equal(["123456789012", IamTestData.AccountId], all.Edges.Select(e => e.RoleAccountId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_OrganizationLoaded_NamesTheTrustedAndTrustingAccounts()
    {
        // Arrange: the hand-built organization holds the example account as "iam-example".
        var organization = OrganizationTestData.Guarded();

        // Act
        var trust = TrustViewModel.Build(IamTestData.Example, organization);

        // Assert
        var sre = Assert.Single(trust.Edges, e => e.RoleName == "privesc-sre-role");
        Assert.Equal(("iam-example", "iam-example"), (sre.PrincipalAccountName, sre.RoleAccountName));
        Assert.Null(Assert.Single(trust.Edges, e => e.RoleName == "OrganizationAccountAccessRole").PrincipalAccountName);
    }

    [Fact]
    public void TrustPage_SeveralAccountsNoneChosen_ShowsEveryAccountsCrossAccountEdges()
    {
        // Arrange
        Iam.With(IamTestData.Example).With(IamTestData.Hostile(Hostile));

        // Act
        var cut = RenderAt<IamTrustPage>("/iam/trust");

        // Assert
        cut.WaitForAssertion(() => Assert.StartsWith("Roles of 2 accounts", cut.Find("[data-testid=trust-counts]").TextContent.Trim(), StringComparison.Ordinal));
        var rows = cut.FindAll("[data-testid=trust-edges] tbody tr");
        Assert.Equal(3, rows.Count); // two of the example account, one of the hostile account
        Assert.All(rows, r => Assert.Contains("trust-cross-account", r.ClassName, StringComparison.Ordinal));
        Assert.Contains(cut.FindAll("[data-testid=trust-edges] tbody tr td:first-child a"), a => a.GetAttribute("href") == IamLinks.Trust("123456789012"));
        Assert.Contains(cut.FindAll("[data-testid=trust-edges] a"), a => a.TextContent == Hostile);
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("[data-testid=trust-cross]"));
    }

    [Fact]
    public void TrustPage_AllRequestedWithOneAccount_StillTheOrganizationWideView()
    {
        // Arrange
        Iam.With(IamTestData.Example);

        // Act
        var cut = RenderAt<IamTrustPage>(IamLinks.Trust(IamLinks.AllAccounts));

        // Assert
        cut.WaitForAssertion(() => Assert.StartsWith("Roles of 1 accounts", cut.Find("[data-testid=trust-counts]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal(2, cut.FindAll("[data-testid=trust-edges] tbody tr").Count);
    }

    [Fact]
    public void TrustPage_TrustedAccountIsCached_LinksToItsTrustView()
    {
        // Arrange: the example's OrganizationAccountAccessRole trusts 072528804237; cache a snapshot of that account too.
        var other = new Dashboard.Core.Iam.Inventory.IamAccountSnapshot { AccountId = IamTestData.OtherAccount, CollectedAt = IamTestData.Now };
        Iam.With(IamTestData.Example).With(other);

        // Act
        var cut = RenderAt<IamTrustPage>(IamLinks.Trust(IamTestData.AccountId));

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=trust-from-account] a")));
        Assert.All(cut.FindAll("[data-testid=trust-from-account] a"), a => Assert.Equal(IamLinks.Trust(IamTestData.OtherAccount), a.GetAttribute("href")));
    }
}
