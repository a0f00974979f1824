using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Iam.Risks.Rules.Trust;
using Dashboard.Core.Tests.Iam.Access;
using static Dashboard.Core.Tests.Iam.IamTestKit;
using static Dashboard.Core.Tests.Iam.Risks.RiskTestKit;

namespace Dashboard.Core.Tests.Iam.Risks;

public sealed class TrustRulesTests
{
    private const string Partner = "444455556666";

    [Fact]
    public void AnyPrincipal_PrincipalStar_Critical()
    {
        // Arrange
        var snapshot = new AccountBuilder().Role("open", trust: AccountBuilder.Trust("\"*\"")).Build();

        // Act
        var result = Assert.Single(Run(new TrustAnyPrincipalRule(), snapshot));

        // Assert
        Assert.Equal((Severity.Critical, RiskStatus.Fail), (result.Severity, result.Status));
        Assert.Equal("Role 'open' can be assumed by any AWS principal, from any account.", result.Message);
    }

    [Fact]
    public void AnyPrincipal_StarLimitedToTheOrganization_ConditionalMedium()
    {
        // Arrange
        var trust = AccountBuilder.Trust("{\"AWS\": \"*\"}", """{"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}""");
        var snapshot = new AccountBuilder().Role("org-wide", trust: trust).Build();

        // Act
        var result = Assert.Single(Run(new TrustAnyPrincipalRule(), snapshot));

        // Assert
        Assert.Equal((Severity.Medium, RiskStatus.Conditional), (result.Severity, result.Status));
        Assert.Contains("aws:PrincipalOrgID", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}""", false)]
    [InlineData("""{"StringLike": {"aws:PrincipalOrgID": "o-*"}}""", true)]
    [InlineData("""{"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}}""", true)]
    public void AnyPrincipal_OrganizationKnown_OnlyConditionsLettingOtherOrganizationsInAreFlagged(string condition, bool flagged)
    {
        // Arrange: with the account's organization known, a stranger belongs to some other organization.
        var trust = AccountBuilder.Trust("{\"AWS\": \"*\"}", condition);
        var snapshot = new AccountBuilder().Role("org-wide", trust: trust).Build();

        // Act
        var results = Run(new TrustAnyPrincipalRule(), snapshot, new RiskAnalysisOptions { OrganizationId = "o-abc123" });

        // Assert
        Assert.Equal(flagged, results.Count == 1);
        Assert.All(results, r => Assert.Equal(RiskStatus.Fail, r.Status));
    }

    [Fact]
    public void AnyPrincipal_TrustNamingOneAccount_NoResult()
    {
        // Arrange
        var snapshot = new AccountBuilder().Role("partner", trust: AccountBuilder.TrustAws($"arn:aws:iam::{Partner}:root")).Build();

        // Act
        var results = Run(new TrustAnyPrincipalRule(), snapshot);

        // Assert
        Assert.Empty(results);
    }

    [Fact]
    public void ExternalAccount_NotInTrustedList_FlaggedWithTheAccount()
    {
        // Arrange
        var snapshot = new AccountBuilder().Role("partner", trust: AccountBuilder.TrustAws($"arn:aws:iam::{Partner}:root")).Build();

        // Act
        var result = Assert.Single(Run(new TrustExternalAccountRule(), snapshot, new RiskAnalysisOptions { TrustedAccountIds = ["999988887777"] }));

        // Assert
        Assert.Equal($"Role 'partner' can be assumed by principals outside the organization: 1 account ({Partner}).", result.Message);
        Assert.Equal([$"arn:aws:iam::{Partner}:root"], result.Items);
    }

    [Fact]
    public void ExternalAccount_InTrustedList_NoResult()
    {
        // Arrange
        var snapshot = new AccountBuilder().Role("partner", trust: AccountBuilder.TrustAws($"arn:aws:iam::{Partner}:root")).Build();

        // Act
        var results = Run(new TrustExternalAccountRule(), snapshot, new RiskAnalysisOptions { TrustedAccountIds = [Partner] });

        // Assert
        Assert.Empty(results);
    }

    [Fact]
    public void ExternalAccount_WithExternalId_ConditionalNamingTheCondition()
    {
        // Arrange
        var trust = AccountBuilder.Trust($"{{\"AWS\": \"arn:aws:iam::{Partner}:role/vendor\"}}", """{"StringEquals": {"sts:ExternalId": "a1b2"}}""");
        var snapshot = new AccountBuilder().Role("vendor-access", trust: trust).Build();

        // Act
        var result = Assert.Single(Run(new TrustExternalAccountRule(), snapshot));

        // Assert
        Assert.Equal(RiskStatus.Conditional, result.Status);
        Assert.Contains(result.Explanation, l => l.Contains("sts:ExternalId", StringComparison.Ordinal));
    }

    [Fact]
    public void Federated_OidcWithoutConditions_High()
    {
        // Arrange
        var provider = $"arn:aws:iam::{AccountBuilder.Account}:oidc-provider/token.actions.githubusercontent.com";
        var snapshot = new AccountBuilder().Role("deploy", trust: AccountBuilder.Trust($"{{\"Federated\": \"{provider}\"}}", action: "sts:AssumeRoleWithWebIdentity")).Build();

        // Act
        var result = Assert.Single(Run(new TrustFederatedWithoutConditionRule(), snapshot));

        // Assert
        Assert.Equal((Severity.High, RiskStatus.Fail), (result.Severity, result.Status));
        Assert.Equal([provider], result.Items);
    }

    [Theory]
    [InlineData("""{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}""", 1)]
    [InlineData("""{"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}, "StringLike": {"token.actions.githubusercontent.com:sub": "repo:org/app:*"}}""", 0)]
    public void Federated_GitHubOidc_FlaggedUntilTheSubjectIsPinned(string condition, int expected)
    {
        // Arrange
        var provider = $"arn:aws:iam::{AccountBuilder.Account}:oidc-provider/token.actions.githubusercontent.com";
        var snapshot = new AccountBuilder().Role("deploy", trust: AccountBuilder.Trust($"{{\"Federated\": \"{provider}\"}}", condition, "sts:AssumeRoleWithWebIdentity")).Build();

        // Act
        var results = Run(new TrustFederatedWithoutConditionRule(), snapshot);

        // Assert
        Assert.Equal(expected, results.Count);
    }

    [Fact]
    public void Federated_SamlWithAudience_NoResult()
    {
        // Arrange
        var provider = $"arn:aws:iam::{AccountBuilder.Account}:saml-provider/Okta";
        var trust = AccountBuilder.Trust($"{{\"Federated\": \"{provider}\"}}", """{"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}""", "sts:AssumeRoleWithSAML");
        var snapshot = new AccountBuilder().Role("sso", trust: trust).Build();

        // Act
        var results = Run(new TrustFederatedWithoutConditionRule(), snapshot);

        // Assert
        Assert.Empty(results);
    }

    [Fact]
    public void ComputeService_Ec2RoleThatIsAdmin_Flagged()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .Role("ec2-admin", trust: AccountBuilder.TrustService("ec2.amazonaws.com"), inline: [FullAwsAccess])
            .Role("ec2-reader", trust: AccountBuilder.TrustService("ec2.amazonaws.com"), inline: [Policy(Allow("s3:GetObject"))])
            .Role("human-admin", trust: AccountBuilder.TrustAws(AccountBuilder.RootArn), inline: [FullAwsAccess])
            .Build();

        // Act
        var result = Assert.Single(Run(new ComputeServiceRoleRule(), snapshot));

        // Assert
        Assert.Equal("ec2-admin", result.ResourceName);
        Assert.Equal(["ec2.amazonaws.com", "administrator"], result.Items);
    }

    [Fact]
    public void ComputeService_LambdaRoleThatCanEscalate_FlaggedWithTheMethod()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .Role("fn", trust: AccountBuilder.TrustService("lambda.amazonaws.com"), inline: [Policy(Allow("iam:AttachRolePolicy"))])
            .Build();

        // Act
        var result = Assert.Single(Run(new ComputeServiceRoleRule(), snapshot));

        // Assert
        Assert.Equal(["lambda.amazonaws.com", "AttachRolePolicy"], result.Items);
    }

    [Fact]
    public void ComputeService_Ec2AdminLimitedByScps_SaysAdministratorNotEscalationMethods()
    {
        // Arrange: the SCPs take IAM away from an EC2 role that is an administrator by its own policies.
        var snapshot = new AccountBuilder()
            .Role("ec2-admin", trust: AccountBuilder.TrustService("ec2.amazonaws.com"), inline: [FullAwsAccess])
            .Build();
        Dashboard.Core.Iam.Evaluation.OrganizationPolicyLevel[] scps = [Level("Root r-1", ("FullAWSAccess", FullAwsAccess), ("NoIam", Policy(Deny("iam:*"))))];

        // Act
        var result = Assert.Single(Run(new ComputeServiceRoleRule(), snapshot, scps: scps));

        // Assert
        Assert.Equal(RiskStatus.Fail, result.Status);
        Assert.Equal(["ec2.amazonaws.com", "administrator (limited by SCPs)"], result.Items);
        Assert.Contains("administrator by its own policies", result.Message, StringComparison.Ordinal);
        Assert.Contains("iam:", result.Message, StringComparison.Ordinal);
    }
}
