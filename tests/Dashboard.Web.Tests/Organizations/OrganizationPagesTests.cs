using Bunit;
using Dashboard.Core.Organizations.Guardrails;
using Dashboard.Web.Components.Organizations;
using Dashboard.Web.Organizations;
using Dashboard.Web.Tests.Iam;

namespace Dashboard.Web.Tests.Organizations;

public sealed class OrganizationPagesTests : IamUiTest
{
    private const string Hostile = "<script>alert(1)</script>";

    [Fact]
    public void OrganizationPage_NothingCached_ShowsHowToGetData()
    {
        // Act
        var cut = RenderAt<OrganizationPage>("/organization");

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("No organization yet", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
        Assert.Equal("import org FILE", cut.Find("[data-testid=empty-state] code").TextContent);
    }

    [Fact]
    public void OrganizationPage_CacheNotImplemented_ShowsAReadableAlert()
    {
        // Arrange
        Organizations.Failure = new NotImplementedException();

        // Act
        var cut = RenderAt<OrganizationPage>("/organization");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(
            "Could not load the organization: the cache for this data is not available in this version of the dashboard yet.",
            cut.Find("[data-testid=load-error]").TextContent.Trim()));
    }

    [Fact]
    public void OrganizationPage_GuardedOrganization_TreeWithBadgesStatusesAndProblems()
    {
        // Arrange
        Organizations.Latest = OrganizationTestData.Cached(OrganizationTestData.Guarded());

        // Act
        var cut = RenderAt<OrganizationPage>("/organization");

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=org-tree] [data-node-id]")));
        var nodes = cut.FindAll("[data-node-id]").Select(n => n.GetAttribute("data-node-id")).ToList();
        Assert.Equal([OrganizationTestData.RootId, OrganizationTestData.Workloads, OrganizationTestData.Member, OrganizationTestData.Suspended,
            OrganizationTestData.Legacy, OrganizationTestData.LegacyAccount, OrganizationTestData.Management], nodes);
        Assert.Single(cut.FindAll("[data-testid=management]"));
        Assert.Equal("SUSPENDED", cut.Find("[data-testid=inactive]").TextContent.Trim());
        Assert.Contains("opacity", cut.Find($"[data-node-id='{OrganizationTestData.Suspended}']").GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("BrokenScp", cut.Find("[data-testid=policy-problems]").TextContent, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("[data-testid=scp-badge]"), b => b.TextContent.Trim() == "BrokenScp (unreadable)");
        Assert.NotEmpty(cut.FindAll("[data-testid=coverage]"));
        Assert.Contains("Collected 2025-06-01 10:00:00 UTC from import (sync run #3).", cut.Find("[data-testid=org-cache]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void OrganizationPage_HostileOuAndScpNames_RenderedEncoded()
    {
        // Arrange
        Organizations.Latest = OrganizationTestData.Cached(OrganizationTestData.Guarded(Hostile));

        // Act
        var cut = RenderAt<OrganizationPage>("/organization");

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-node-id] a b"), b => b.TextContent == Hostile));
        Assert.Contains(cut.FindAll("[data-testid=scp-badge]"), b => b.TextContent.Trim() == Hostile);
        Assert.Empty(cut.FindAll("script"));
    }

    [Fact]
    public void GuardrailsPage_CellInUrl_MatrixAndTheDecidingStatement()
    {
        // Arrange
        Organizations.Latest = OrganizationTestData.Cached(OrganizationTestData.Guarded());

        // Act
        var cut = RenderAt<GuardrailsPage>(OrganizationLinks.Guardrails(null, OrganizationTestData.Member, "leave-organization"));

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=guardrail-row]")));
        Assert.Equal(4, cut.FindAll("[data-testid=guardrail-row]").Count);
        var deciders = cut.Find("[data-testid=cell-deciders]").TextContent;
        Assert.Contains("DenyLeaveOrganization", deciders, StringComparison.Ordinal);
        Assert.Contains("DenyLeaving", deciders, StringComparison.Ordinal);
        Assert.Contains("BreakGlass", cut.Find("[data-testid=cell-exceptions]").TextContent, StringComparison.Ordinal);
        var statuses = cut.FindAll("[data-testid=guardrail-matrix] [data-testid=guardrail-cell]").Select(c => c.GetAttribute("data-status")).ToHashSet();
        Assert.Contains(nameof(GuardrailStatus.NotApplicable), statuses);
        Assert.Contains(nameof(GuardrailStatus.Uncertain), statuses);
        Assert.All(cut.FindAll("[data-testid=guardrail-matrix] [data-testid=guardrail-cell]"), c => Assert.False(string.IsNullOrWhiteSpace(c.TextContent)));
    }

    [Fact]
    public void GuardrailsPage_RegionCellWithNoAllowedRegions_SaysNothingNamesThem()
    {
        // Arrange: no Region SCP and no Organizations:Guardrails:AllowedRegions.
        Organizations.Latest = OrganizationTestData.Cached(OrganizationTestData.Guarded());

        // Act
        var cut = RenderAt<GuardrailsPage>(OrganizationLinks.Guardrails(null, OrganizationTestData.Member, "regions"));

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=cell-detail]")));
        var detail = cut.Find("[data-testid=cell-detail]").TextContent;
        Assert.Contains("Allowed Regions, as judged", detail, StringComparison.Ordinal);
        Assert.Contains("none configured, and no SCP names any (set Organizations:Guardrails:AllowedRegions)", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void GuardrailsPage_OuInUrl_OnlyItsAccountsAndCellLinksKeepIt()
    {
        // Arrange
        Organizations.Latest = OrganizationTestData.Cached(OrganizationTestData.Guarded());

        // Act
        var cut = RenderAt<GuardrailsPage>(OrganizationLinks.Guardrails(OrganizationTestData.Legacy));

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=guardrail-row]")));
        var href = cut.Find("[data-testid=guardrail-matrix] a[data-testid=guardrail-cell]").GetAttribute("href");
        Assert.StartsWith($"/organization/guardrails?ou={OrganizationTestData.Legacy}&account={OrganizationTestData.LegacyAccount}&guardrail=", href, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=cell-detail]"));
    }

    [Fact]
    public void AccountPage_AwsExampleTestAccount_PathLevelsAndGuardrails()
    {
        // Arrange
        Organizations.Latest = OrganizationTestData.Cached(OrganizationTestData.AwsExample());

        // Act
        var cut = RenderAt<OrganizationAccountPage>(OrganizationLinks.Account("444444444444"));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Test Account", cut.Find("[data-testid=account-name]").TextContent));
        Assert.Equal(["Root", "AccountingDepartment", "Test Account"], cut.FindAll("[data-testid=account-path] a").Select(a => a.TextContent));
        Assert.Equal(3, cut.FindAll("[data-testid=scp-level]").Count);
        Assert.Contains("ec2:*", cut.FindAll("[data-testid=scp-summary]").Last().TextContent, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("[data-testid=account-guardrails] [data-testid=guardrail-cell]"), c => c.TextContent.Trim() == "Protected");
    }

    [Theory]
    [InlineData("/organization/account", "needs an 'id' query parameter")]
    [InlineData("/organization/account?id=999999999999", "has no account '999999999999'")]
    public void AccountPage_BadOrUnknownId_SaysSo(string url, string expected)
    {
        // Arrange
        Organizations.Latest = OrganizationTestData.Cached(OrganizationTestData.AwsExample());

        // Act
        var cut = RenderAt<OrganizationAccountPage>(url);

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(expected, cut.Find("[data-testid=detail-message]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void ScpLibraryPage_OnePolicy_SummaryTargetsJsonAndParseError()
    {
        // Arrange
        Organizations.Latest = OrganizationTestData.Cached(OrganizationTestData.Guarded());

        // Act
        var broken = RenderAt<ScpLibraryPage>(OrganizationLinks.Policy(OrganizationTestData.BrokenId));

        // Assert
        broken.WaitForAssertion(() => Assert.Single(broken.FindAll("[data-testid=scp-policy]")));
        Assert.Contains("cannot be parsed", broken.Find("[data-testid=scp-parse-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("\"Statement\": [", broken.Find("[data-testid=scp-json]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Legacy", broken.Find("[data-testid=scp-targets]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ScpLibraryPage_AllPolicies_HostilePolicyNameEncoded()
    {
        // Arrange
        Organizations.Latest = OrganizationTestData.Cached(OrganizationTestData.Guarded(Hostile));

        // Act
        var cut = RenderAt<ScpLibraryPage>(OrganizationLinks.PoliciesPath);

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=scp-policy]").Count));
        Assert.Contains(cut.FindAll("[data-testid=scp-policy] a.mud-typography-h6"), a => a.TextContent == Hostile);
        Assert.Empty(cut.FindAll("script"));
    }
}
