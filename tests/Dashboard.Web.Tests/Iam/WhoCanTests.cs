using Bunit;
using Dashboard.Core.Organizations;
using Dashboard.Web.Components.Iam;
using Dashboard.Web.Iam;
using Dashboard.Web.Tests.Organizations;

namespace Dashboard.Web.Tests.Iam;

/// <summary>"Who can do A on R": the order of the answer, its links, and the table's filters on large accounts.</summary>
public sealed class WhoCanTests : IamUiTest
{
    /// <summary>The example account in an organization whose SCP denies everything to root users (a common guardrail).</summary>
    private static OrganizationSnapshot DenyRootOrganization() => OrganizationSnapshot.Create(
        new OrganizationDetails("o-a1b2c3d4e5", OrganizationTestData.Management, "root@example.com", OrganizationDetails.AllFeatures),
        new OrganizationRoot(OrganizationTestData.RootId, "Root") { EnabledPolicyTypes = [OrganizationPolicyTypes.ServiceControlPolicy] },
        [],
        [
            new OrganizationAccount(OrganizationTestData.Management, "management", "root@example.com", "ACTIVE", OrganizationTestData.RootId),
            new OrganizationAccount(IamTestData.AccountId, "iam-example", "example@example.com", "ACTIVE", OrganizationTestData.RootId),
        ],
        [
            new OrganizationPolicy("p-FullAWSAccess", "FullAWSAccess", OrganizationPolicyTypes.ServiceControlPolicy, true, OrganizationTestData.FullAwsAccess),
            new OrganizationPolicy("p-denyroot01", "DenyRoot", OrganizationPolicyTypes.ServiceControlPolicy, false,
                """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:root"}}}]}"""),
        ],
        new Dictionary<string, IReadOnlyList<string>>
        {
            [OrganizationTestData.RootId] = ["p-FullAWSAccess", "p-denyroot01"],
            [OrganizationTestData.Management] = ["p-FullAWSAccess"],
            [IamTestData.AccountId] = ["p-FullAWSAccess"],
        });

    [Fact]
    public void WhoCan_RootDeniedByScp_PrincipalsThatCanComeFirstAndTheScpDeniedLast()
    {
        // Arrange
        var workbench = AccessWorkbench.Build(IamTestData.Example, DenyRootOrganization(), IamTestData.Now);

        // Act
        var who = workbench.WhoCan("iam:CreateAccessKey", "*", null);

        // Assert
        Assert.Null(who.Error);
        Assert.Equal(AccessDecision.Allowed, who.Rows[0].Decision);
        var root = Assert.Single(who.Rows, r => r.Name == "root");
        Assert.Equal("Denied by an SCP", root.DecisionLabel);
        Assert.Same(root, who.Rows[^1]);
        Assert.Equal(who.Rows.Count(r => r.Decision == AccessDecision.Denied), who.Count(AccessDecision.Denied));
    }

    [Fact]
    public void WhoCan_Rows_ExplainLinkAsksTheSameQuestionOfThatPrincipal()
    {
        // Arrange
        var workbench = AccessWorkbench.Build(IamTestData.Example, null, IamTestData.Now);

        // Act
        var who = workbench.WhoCan("iam:CreateAccessKey", "arn:aws:iam::200611803367:user/victim", "aws:MultiFactorAuthPresent=true");

        // Assert
        var row = Assert.Single(who.Rows, r => r.Name == "privesc4-CreateAccessKey-user");
        Assert.Equal(IamLinks.Can(IamTestData.AccountId, row.Arn, "iam:CreateAccessKey", "arn:aws:iam::200611803367:user/victim", ["aws:MultiFactorAuthPresent=true"]), row.ExplainHref);
    }

    [Fact]
    public void WhoCanTab_Rendered_EachRowLinksToItsExplanation()
    {
        // Arrange
        Iam.With(IamTestData.Example);

        // Act
        var cut = RenderAt<IamCanPage>(IamLinks.Can(IamTestData.AccountId, null, "iam:CreateAccessKey", null, null, whoCan: true));

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=who-explain]")));
        var explain = cut.FindAll("[data-testid=who-explain]").Select(a => a.GetAttribute("href")).ToList();
        Assert.All(explain, href => Assert.StartsWith($"/iam/can?account={IamTestData.AccountId}&principal=", href, StringComparison.Ordinal));
        Assert.All(explain, href => Assert.Contains("&action=iam%3ACreateAccessKey", href, StringComparison.Ordinal));
    }

    [Fact]
    public void WhoCanTable_ManyPrincipals_ShowsTheFirstHundredThenAll()
    {
        // Arrange
        var outcome = Outcome(150, AccessDecision.Allowed);
        var cut = Render<WhoCanTable>(p => p.Add(t => t.Outcome, outcome));
        Assert.Equal(100, cut.FindAll("[data-testid=who-can] tbody tr").Count);

        // Act
        cut.Find("[data-testid=who-show-all]").Click();

        // Assert
        Assert.Equal(150, cut.FindAll("[data-testid=who-can] tbody tr").Count);
        Assert.Empty(cut.FindAll("[data-testid=who-show-all]"));
    }

    [Fact]
    public void WhoCanTable_DecisionChipClicked_ShowsOnlyThatDecision()
    {
        // Arrange
        var outcome = new WhoCanOutcome(null, [.. Outcome(3, AccessDecision.Allowed).Rows, .. Outcome(2, AccessDecision.Denied, "scp").Rows], 9);
        var cut = Render<WhoCanTable>(p => p.Add(t => t.Outcome, outcome));
        Assert.Equal("Denied by an SCP: 2", cut.Find("[data-testid=who-Denied]").TextContent.Trim());

        // Act
        cut.Find("[data-testid=who-Denied]").Click();

        // Assert
        var rows = cut.FindAll("[data-testid=who-can] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("scp", r.QuerySelector("a")!.TextContent, StringComparison.Ordinal));
    }

    private static WhoCanOutcome Outcome(int count, AccessDecision decision, string prefix = "user")
        => new(null, [.. Enumerable.Range(0, count).Select(i => new WhoCanRow(
            $"{prefix}{i:D3}", $"arn:aws:iam::123456789012:user/{prefix}{i:D3}", "user", decision, AccessDecisionView.Labels.For(decision), "why",
            IamLinks.Principal("123456789012", $"arn:aws:iam::123456789012:user/{prefix}{i:D3}"), IamLinks.Can("123456789012", $"arn:aws:iam::123456789012:user/{prefix}{i:D3}", "s3:GetObject")))], count);
}
