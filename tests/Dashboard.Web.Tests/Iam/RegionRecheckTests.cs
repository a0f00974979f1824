using Bunit;
using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Organizations;
using Dashboard.Data.Iam;
using Dashboard.Web.Components.Iam;
using Dashboard.Web.Iam;
using Dashboard.Web.Tests.Organizations;

namespace Dashboard.Web.Tests.Iam;

/// <summary>
/// Answers that hold "only if conditions hold" because an SCP limits Regions: one click re-checks them with a
/// Region the organization allows (the first configured one the answer is not denied in), keeping the conditional answer.
/// </summary>
public sealed class RegionRecheckTests : IamUiTest
{
    private const string RegionScp = """
        {"Version":"2012-10-17","Statement":[{"Sid":"DenyOutsideAllowedRegions","Effect":"Deny",
          "NotAction":["iam:*","sts:*","organizations:*","support:*"],"Resource":"*",
          "Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-central-1","eu-west-1"]}}}]}
        """;

    private static readonly string Admin = IamTestData.RoleArn("OrganizationAccountAccessRole");

    public RegionRecheckTests()
    {
        // us-east-1 first: the SCP denies it, so the offer must skip to eu-west-1.
        AwsRegions.AddRange(["us-east-1", "eu-west-1"]);
        Organizations.Latest = OrganizationTestData.Cached(RegionGuarded());
    }

    /// <summary>The example account as a member whose OU denies every Region but eu-central-1 and eu-west-1.</summary>
    private static OrganizationSnapshot RegionGuarded() => OrganizationSnapshot.Create(
        new OrganizationDetails("o-a1b2c3d4e5", OrganizationTestData.Management, "root@example.com", OrganizationDetails.AllFeatures),
        new OrganizationRoot(OrganizationTestData.RootId, "Root") { EnabledPolicyTypes = [OrganizationPolicyTypes.ServiceControlPolicy] },
        [new OrganizationalUnit(OrganizationTestData.Workloads, "Workloads", OrganizationTestData.RootId)],
        [
            new OrganizationAccount(OrganizationTestData.Management, "management", "root@example.com", "ACTIVE", OrganizationTestData.RootId),
            new OrganizationAccount(OrganizationTestData.Member, "iam-example", "example@example.com", "ACTIVE", OrganizationTestData.Workloads),
        ],
        [
            new OrganizationPolicy("p-FullAWSAccess", "FullAWSAccess", OrganizationPolicyTypes.ServiceControlPolicy, true, OrganizationTestData.FullAwsAccess),
            new OrganizationPolicy("p-regions0001", "AllowedRegions", OrganizationPolicyTypes.ServiceControlPolicy, false, RegionScp),
        ],
        new Dictionary<string, IReadOnlyList<string>>
        {
            [OrganizationTestData.RootId] = ["p-FullAWSAccess"],
            [OrganizationTestData.Workloads] = ["p-FullAWSAccess", "p-regions0001"],
            [OrganizationTestData.Management] = ["p-FullAWSAccess"],
            [OrganizationTestData.Member] = ["p-FullAWSAccess"],
        });

    private static IamRiskRow ConditionalRisk() => new(
        9001, IamTestData.AccountId, "iam_principal_no_data_exfiltration", "No data exfiltration", Severity.Medium, RiskCategory.DataExfiltration,
        RiskStatus.Conditional, Admin, "OrganizationAccountAccessRole", RiskResourceType.Role, "Allowed if conditions hold.", "Fix it.",
        ["s3:GetObject (if conditions hold)", "iam:PassRole (if conditions hold)", "CreateNewPolicyVersion (if conditions hold)"], null);

    [Fact]
    public void CanPage_AnswerHangsOnTheRegionScp_OffersTheFirstConfiguredRegionItAllows()
    {
        // Arrange
        Iam.With(IamTestData.Example);

        // Act
        var cut = RenderAt<IamCanPage>(IamLinks.Can(IamTestData.AccountId, Admin, "s3:GetObject"));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Conditionally allowed", cut.Find("[data-testid=can-result] [data-testid=decision-chip]").TextContent.Trim()));
        var recheck = cut.Find("[data-testid=region-recheck]");
        Assert.Contains("aws:RequestedRegion=eu-west-1", recheck.TextContent, StringComparison.Ordinal);
        Assert.Equal(IamLinks.Can(IamTestData.AccountId, Admin, "s3:GetObject", region: "eu-west-1"), recheck.GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=region-result]"));
    }

    [Theory]
    [InlineData("eu-west-1", "Allowed")]
    [InlineData("us-east-1", "Denied")]
    public void CanPage_RegionInUrl_ShowsTheDefiniteAnswerUnderTheConditionalOne(string region, string decision)
    {
        // Arrange
        Iam.With(IamTestData.Example);

        // Act
        var cut = RenderAt<IamCanPage>(IamLinks.Can(IamTestData.AccountId, Admin, "s3:GetObject", region: region));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(decision, cut.Find("[data-testid=region-result] [data-testid=decision-chip]").TextContent.Trim()));
        Assert.Equal("Conditionally allowed", cut.Find("[data-testid=can-result] [data-testid=decision-chip]").TextContent.Trim());
        Assert.Contains($"aws:RequestedRegion={region}", cut.Find("[data-testid=region-heading]").TextContent, StringComparison.Ordinal);
        Assert.Equal(IamLinks.Can(IamTestData.AccountId, Admin, "s3:GetObject"), cut.Find("[data-testid=region-clear]").GetAttribute("href"));
    }

    [Theory]
    [InlineData("iam:CreateUser")]
    [InlineData("s3:GetObject&ctx=aws%3ARequestedRegion%3Deu-west-1")]
    public void CanPage_AnswerDoesNotHangOnTheRegion_OffersNoRecheck(string actionAndContext)
    {
        // Arrange: the SCP exempts IAM; a request that names its Region is definite already.
        Iam.With(IamTestData.Example);

        // Act
        var cut = RenderAt<IamCanPage>($"/iam/can?account={IamTestData.AccountId}&principal={Uri.EscapeDataString(Admin)}&action={actionAndContext}");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Allowed", cut.Find("[data-testid=can-result] [data-testid=decision-chip]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=region-offer]"));
    }

    [Fact]
    public void CanPage_CraftedRegion_WarnsAndKeepsTheAnswerWithoutARegion()
    {
        // Arrange
        Iam.With(IamTestData.Example);

        // Act
        var cut = RenderAt<IamCanPage>(IamLinks.Can(IamTestData.AccountId, Admin, "s3:GetObject", region: "eu-west-1\naws:SourceIp=1.2.3.4"));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("is not a Region name like eu-west-1", cut.Find("[data-testid=region-warning]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=region-result]"));
    }

    [Fact]
    public void PrincipalPage_ConditionalAnswers_OffersARecheckInAnAllowedRegion()
    {
        // Arrange
        Iam.With(IamTestData.Example, [ConditionalRisk()]);

        // Act
        var cut = RenderAt<Dashboard.Web.Components.Iam.IamPrincipalPage>(IamLinks.Principal(IamTestData.AccountId, Admin));

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=region-offer]")));
        Assert.Equal(IamLinks.Principal(IamTestData.AccountId, Admin, "eu-west-1"), cut.Find("[data-testid=region-recheck]").GetAttribute("href"));
        Assert.Contains("(only under conditions)", cut.Find("[data-testid=all-services]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PrincipalPage_RegionInUrl_ShowsDefiniteAnswersNextToTheConditionalOnes()
    {
        // Arrange
        Iam.With(IamTestData.Example, [ConditionalRisk()]);

        // Act
        var cut = RenderAt<Dashboard.Web.Components.Iam.IamPrincipalPage>(IamLinks.Principal(IamTestData.AccountId, Admin, "us-east-1"));

        // Assert: IAM is exempt from the Region SCP, S3 is not; escalation methods are not actions to re-check.
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=region-rechecked]")));
        Assert.Equal("In us-east-1: allowed: iam:PassRole; denied: s3:GetObject.", cut.Find("[data-testid=risk-region-items]").TextContent.Trim());
        Assert.Contains("(only under conditions)", cut.Find("[data-testid=all-services]").TextContent, StringComparison.Ordinal);
        Assert.Equal("In us-east-1: not every action is allowed.", cut.Find("[data-testid=all-services-region]").TextContent.Trim());
        Assert.Equal(IamLinks.Principal(IamTestData.AccountId, Admin), cut.Find("[data-testid=region-clear]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=region-offer]"));
    }

    [Fact]
    public void PrincipalViewModel_AllowedRegion_AdministratorWithNoConditionLeft()
    {
        // Act
        var detail = PrincipalDetailViewModel.Build(IamTestData.Example, Admin, [ConditionalRisk()], RegionGuarded(), IamTestData.Now, ["us-east-1"], "eu-west-1")!;

        // Assert
        Assert.True(detail.Permissions!.AllServices!.Conditional);
        Assert.False(detail.Region!.Permissions.AllServices!.Conditional);
        Assert.All(detail.Region.RiskItems[9001], i => Assert.Equal(AccessDecision.Allowed, i.Decision));
        Assert.Null(detail.RegionOffer);
    }

    [Fact]
    public void PrincipalViewModel_NothingConditional_OffersNoRecheck()
    {
        // Act: without the organization nothing depends on a Region.
        var detail = PrincipalDetailViewModel.Build(IamTestData.Example, Admin, [], null, IamTestData.Now, ["eu-west-1"])!;

        // Assert
        Assert.Null(detail.RegionOffer);
        Assert.Null(detail.Region);
    }

    [Fact]
    public void Pick_EveryCandidateDenied_OffersTheFirstSoTheDenialShows()
    {
        // Act
        var picked = RegionRecheck.Pick(["us-east-1", "ap-southeast-2"], _ => AccessDecision.Denied);
        var none = RegionRecheck.Pick([], _ => AccessDecision.Allowed);

        // Assert
        Assert.Equal("us-east-1", picked);
        Assert.Null(none);
    }

    [Theory]
    [InlineData("eu-west-1", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("EU-WEST-1", false)]
    [InlineData("eu-west-1\naws:SourceIp=1.2.3.4", false)]
    [InlineData("*", false)]
    public void IsRegion_Value_AcceptsRegionNamesOnly(string value, bool expected)
        => Assert.Equal(expected, IamRegionCandidates.IsRegion(value));
}
