using Bunit;
using Dashboard.Web.Components.Iam;
using Dashboard.Web.Iam;
using Dashboard.Web.Tests.Organizations;

namespace Dashboard.Web.Tests.Iam;

public sealed class IamPagesTests : IamUiTest
{
    private const string Hostile = "<script>alert(1)</script>";

    private void SeedExample() => Iam.With(IamTestData.Example, IamTestData.Risks);

    [Fact]
    public void IamPage_NothingCached_ShowsHowToGetData()
    {
        // Act
        var cut = RenderAt<IamPage>("/iam");

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("No IAM data yet", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
        Assert.Equal("import iam ACCOUNT FILE", cut.Find("[data-testid=empty-state] code").TextContent);
    }

    [Fact]
    public void IamPage_CacheThrows_ShowsAReadableAlert()
    {
        // Arrange
        Iam.Failure = new InvalidOperationException("database is locked");

        // Act
        var cut = RenderAt<IamPage>("/iam");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Could not load the IAM accounts: database is locked", cut.Find("[data-testid=load-error]").TextContent.Trim()));
    }

    [Fact]
    public void IamPage_ExampleAccount_ListsTheAccountRiskRulesAndPrincipals()
    {
        // Arrange
        SeedExample();

        // Act
        var cut = RenderAt<IamPage>("/iam");

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=principals-grid] tbody tr a")));
        Assert.Contains(IamTestData.AccountId, cut.Find("[data-testid=iam-accounts]").TextContent, StringComparison.Ordinal);
        Assert.Contains(cut.FindAll("[data-testid=risk-rules] a"), a => a.GetAttribute("href") == "/iam/risks?rule=iam_principal_no_privilege_escalation");
        Assert.StartsWith("/iam/principal?account=200611803367&arn=", cut.Find("[data-testid=principals-grid] tbody tr a").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void IamPage_FilterInUrl_GridShowsOnlyMatchingPrincipals()
    {
        // Arrange
        SeedExample();

        // Act
        var cut = RenderAt<IamPage>("/iam?kind=Role&q=privesc4-");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(
            ["privesc4-CreateAccessKey-role"],
            cut.FindAll("[data-testid=principals-grid] tbody tr a[href^='/iam/principal']").Select(a => a.TextContent.Trim())));
    }

    [Fact]
    public void IamPage_MalformedFilterInUrl_WarnsAndShowsTheRest()
    {
        // Arrange
        SeedExample();

        // Act
        var cut = RenderAt<IamPage>("/iam?kind=Robot&account=abc");

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=principals-grid] tbody tr a")));
        var warning = cut.Find("[data-testid=filter-warnings]").TextContent;
        Assert.Contains("kind 'Robot' is not one of User, Role, Group, ManagedPolicy", warning, StringComparison.Ordinal);
        Assert.Contains("account 'abc' is not a 12-digit AWS account id", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void RisksPage_RuleAndTextInUrl_ShowsTheRiskLinkedToItsPrincipal()
    {
        // Arrange
        SeedExample();
        var arn = IamTestData.RoleArn("privesc4-CreateAccessKey-role");

        // Act
        var cut = RenderAt<IamRisksPage>("/iam/risks?rule=iam_principal_no_privilege_escalation&q=privesc4-CreateAccessKey-role");

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=risks-grid] tbody tr a")));
        Assert.Equal(IamLinks.Principal(IamTestData.AccountId, arn), cut.Find("[data-testid=risks-grid] tbody tr a").GetAttribute("href"));
        Assert.Contains("CreateAccessKey", cut.Find("[data-testid=risks-grid] tbody").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RisksPage_ExpandRow_ShowsRemediationAndTheEvidence()
    {
        // Arrange
        SeedExample();
        var risk = IamTestData.Risks.First(r => r.ResourceName == "privesc4-CreateAccessKey-role" && r.RuleId == "iam_principal_no_privilege_escalation");
        var cut = RenderAt<IamRisksPage>("/iam/risks?rule=iam_principal_no_privilege_escalation&q=privesc4-CreateAccessKey-role");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=risks-grid] tbody tr a")));

        // Act
        cut.Find("[data-testid=risks-grid] tbody tr button").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(risk.Remediation, cut.Find("[data-testid=risk-explanation]").TextContent, StringComparison.Ordinal));
        Assert.Contains(IamRiskDisplay.ExplanationLines(risk.Explanation)[0], cut.Find("[data-testid=risk-explanation]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PrincipalPage_PrivescRole_ShowsRisksPoliciesAndPermissions()
    {
        // Arrange
        SeedExample();
        var arn = IamTestData.RoleArn("privesc4-CreateAccessKey-role");

        // Act
        var cut = RenderAt<IamPrincipalPage>(IamLinks.Principal(IamTestData.AccountId, arn));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("privesc4-CreateAccessKey-role", cut.Find("[data-testid=principal-name]").TextContent));
        Assert.Contains(cut.FindAll("[data-testid=risk-items] .mud-chip"), chip => chip.TextContent.Trim() == "CreateAccessKey");
        Assert.Contains("iam:CreateAccessKey", cut.Find("[data-testid=policy-json]").TextContent, StringComparison.Ordinal);
        Assert.Contains("iam", cut.Find("[data-testid=effective-permissions]").TextContent, StringComparison.Ordinal);
        Assert.Equal("No organization loaded for this account: SCPs are not applied.", cut.Find("[data-testid=scp-note]").TextContent);
        Assert.All(Iam.RiskQueries, q => Assert.Equal(arn, q.ResourceArn));
    }

    [Fact]
    public void PrincipalPage_OrganizationCacheFails_StillShowsThePrincipalAndSaysSo()
    {
        // Arrange
        SeedExample();
        Organizations.Failure = new NotImplementedException();

        // Act
        var cut = RenderAt<IamPrincipalPage>(IamLinks.Principal(IamTestData.AccountId, IamTestData.RoleArn("privesc-sre-role")));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("privesc-sre-role", cut.Find("[data-testid=principal-name]").TextContent));
        Assert.Contains("Could not load the organization: the cache for this data is not available", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void PrincipalPage_HostileNameSidAndBrokenPolicy_RenderedEncoded()
    {
        // Arrange
        Iam.With(IamTestData.Hostile(Hostile));

        // Act
        var cut = RenderAt<IamPrincipalPage>(IamLinks.Principal("123456789012", "arn:aws:iam::123456789012:user/mallory"));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(Hostile, cut.Find("[data-testid=principal-name]").TextContent));
        Assert.Empty(cut.FindAll("script"));
        Assert.Contains(cut.FindAll("[data-testid=policy-json]"), pre => pre.TextContent.Contains($"\"Sid\": \"{Hostile}\"", StringComparison.Ordinal));
        Assert.Contains("cannot be read", cut.Find("[data-testid=policy-parse-error]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Hostile, cut.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/iam/principal")]
    [InlineData("/iam/principal?account=12&arn=x")]
    public void PrincipalPage_LinkWithoutAccountOrArn_SaysWhatIsMissing(string url)
    {
        // Act
        var cut = RenderAt<IamPrincipalPage>(url);

        // Assert
        Assert.Contains("needs the 'account'", cut.Find("[data-testid=detail-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PrincipalPage_UnknownArn_SaysItIsNotInTheSnapshot()
    {
        // Arrange
        SeedExample();

        // Act
        var cut = RenderAt<IamPrincipalPage>(IamLinks.Principal(IamTestData.AccountId, "arn:aws:iam::200611803367:role/gone"));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("has no user, role, group or managed policy with ARN", cut.Find("[data-testid=detail-message]").TextContent, StringComparison.Ordinal));
    }
}
