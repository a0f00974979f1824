using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Iam.Risks.Rules.Permissions;
using Dashboard.Core.Tests.Iam.Access;
using static Dashboard.Core.Tests.Iam.IamTestKit;
using static Dashboard.Core.Tests.Iam.Risks.RiskTestKit;

namespace Dashboard.Core.Tests.Iam.Risks;

public sealed class AdminEquivalentRuleTests
{
    private static readonly string NotActionPassRole =
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:PassRole", "Resource": "*"}]}""";

    private static readonly string NotActionObscure =
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "gamelift:*", "Resource": "*"}]}""";

    [Fact]
    public void Admin_AwsManagedPolicyThroughGroup_FlaggedNamingThePolicy()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .Policy("AdministratorAccess", FullAwsAccess, awsManaged: true)
            .Group("admins", attached: ["AdministratorAccess"])
            .User("alice", groups: ["admins"])
            .Build();

        // Act
        var result = Assert.Single(Run(new AdminEquivalentRule(), snapshot));

        // Assert
        Assert.Equal((RiskStatus.Fail, Severity.High), (result.Status, result.Severity));
        Assert.Contains("arn:aws:iam::aws:policy/AdministratorAccess attached to group admins", result.Explanation[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-pass-role", false)]
    [InlineData("not-gamelift", true)]
    [InlineData("allow-and-deny", false)]
    [InlineData("s3-admin", false)]
    public void Admin_NotActionAndDenyTricks_DecidedByEvaluation(string user, bool expected)
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .User("not-pass-role", inline: [NotActionPassRole])
            .User("not-gamelift", inline: [NotActionObscure])
            .User("allow-and-deny", inline: [FullAwsAccess, Policy(Deny("*"))])
            .User("s3-admin", inline: [Policy(Allow("s3:*"))])
            .Build();

        // Act
        var results = Run(new AdminEquivalentRule(), snapshot);

        // Assert
        Assert.Equal(expected, For(results, user) is not null);
    }

    [Fact]
    public void Admin_OnlyWithMfa_Conditional()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .User("mfa-admin", inline: [Policy(Allow("*", condition: """{"Bool": {"aws:MultiFactorAuthPresent": "true"}}"""))])
            .Build();

        // Act
        var result = Assert.Single(Run(new AdminEquivalentRule(), snapshot));

        // Assert
        Assert.Equal(RiskStatus.Conditional, result.Status);
        Assert.Contains("aws:MultiFactorAuthPresent", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Admin_ScpDeniesIamChanges_MitigatedNamingTheDeniedActions()
    {
        // Arrange
        var snapshot = new AccountBuilder().Role("ops", inline: [FullAwsAccess]).Build();
        OrganizationPolicyLevel[] scps = [Level("Root r-1", ("FullAWSAccess", FullAwsAccess), ("DenyIamWrites", Policy(Deny("[\"iam:Create*\", \"iam:Attach*\", \"iam:Put*\"]"))))];

        // Act
        var result = Assert.Single(Run(new AdminEquivalentRule(), snapshot, scps: scps));

        // Assert
        Assert.Equal((RiskStatus.Mitigated, Severity.Medium), (result.Status, result.Severity));
        Assert.Equal(["iam:CreateUser", "iam:CreateAccessKey", "iam:CreatePolicyVersion", "iam:AttachUserPolicy", "iam:AttachRolePolicy", "iam:PutRolePolicy"], result.Items);
        Assert.Contains(result.Explanation, l => l.Contains("SCP 'DenyIamWrites'", StringComparison.Ordinal));
    }

    [Fact]
    public void Admin_ScpsAllowEverything_StillAdmin()
    {
        // Arrange
        var snapshot = new AccountBuilder().Role("ops", inline: [FullAwsAccess]).Build();
        OrganizationPolicyLevel[] scps = [Level("Root r-1", ("FullAWSAccess", FullAwsAccess))];

        // Act
        var result = Assert.Single(Run(new AdminEquivalentRule(), snapshot, scps: scps));

        // Assert
        Assert.Equal(RiskStatus.Fail, result.Status);
    }

    [Fact]
    public void Admin_ServiceLinkedRole_SkippedUnlessAsked()
    {
        // Arrange
        var snapshot = new AccountBuilder().Role("AWSServiceRoleForX", inline: [FullAwsAccess], path: "/aws-service-role/x.amazonaws.com/").Build();

        // Act
        var skipped = Run(new AdminEquivalentRule(), snapshot);
        var included = Run(new AdminEquivalentRule(), snapshot, new RiskAnalysisOptions { IncludeServiceLinkedRoles = true });

        // Assert
        Assert.Empty(skipped);
        Assert.Single(included);
    }
}
