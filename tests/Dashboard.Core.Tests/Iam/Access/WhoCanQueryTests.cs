using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam.Access;

public sealed class WhoCanQueryTests
{
    private static IamAccountAccess Account() => new(new AccountBuilder()
        .Policy("AdministratorAccess", FullAwsAccess, awsManaged: true)
        .User("admin", attached: ["AdministratorAccess"])
        .User("reader", inline: [Policy(Allow("s3:GetObject"))])
        .User("mfa-reader", inline: [Policy(Allow("s3:GetObject", condition: """{"Bool": {"aws:MultiFactorAuthPresent": "true"}}"""))])
        .User("nobody", inline: [Policy(Allow("ec2:Describe*"))])
        .Role("app", inline: [Policy(Allow("s3:Get*"), Deny("s3:GetObject", "arn:aws:s3:::secret/*"))])
        .Build());

    [Fact]
    public void WhoCan_ReadObject_ListsAllowedAndConditionalPrincipalsOnly()
    {
        // Arrange
        var access = Account();

        // Act
        var result = access.WhoCan("s3:GetObject", "arn:aws:s3:::secret/key");

        // Assert
        Assert.Equal(
            [("admin", WhoCanDecision.Allowed), ("reader", WhoCanDecision.Allowed), ("mfa-reader", WhoCanDecision.ConditionallyAllowed), ("root", WhoCanDecision.Allowed)],
            result.Principals.Select(p => (p.Name, p.Decision)));
        Assert.Equal(6, result.PrincipalsChecked);
    }

    [Fact]
    public void WhoCan_WithScpDenyingS3_PrincipalsReportedAsDeniedByScp()
    {
        // Arrange
        var access = Account();
        OrganizationPolicyLevel[] scps = [Level("Root r-1", ("FullAWSAccess", FullAwsAccess), ("NoS3", Policy(Deny("s3:*"))))];

        // Act
        var result = access.WhoCan("s3:GetObject", "*", serviceControlPolicies: scps);

        // Assert
        Assert.All(result.Principals, p => Assert.Equal(WhoCanDecision.DeniedByScp, p.Decision));
        Assert.Contains(result.Principals, p => p.Name == "app" && p.Result.Summary.Contains("SCP 'NoS3'", StringComparison.Ordinal));
    }

    [Fact]
    public void WhoCan_AssumeRoleWithTrustPolicy_PrincipalNamedInTrustNeedsNoIdentityPolicy()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .User("named")
            .User("other")
            .Role("target", trust: AccountBuilder.TrustAws(AccountBuilder.UserArn("named")))
            .Build();
        var access = new IamAccountAccess(snapshot);
        var trust = PolicyInput.FromJson("trust policy of role target", snapshot.Roles[0].TrustPolicy!.Json);

        // Act
        var result = access.WhoCan("sts:AssumeRole", AccountBuilder.RoleArn("target"), resourcePolicy: trust);

        // Assert
        var entry = Assert.Single(result.Principals, p => p.Kind != PrincipalKind.Root);
        Assert.Equal("named", entry.Name);
    }

    [Fact]
    public void WhoCan_TwoThousandPrincipals_AnswersForEveryOne()
    {
        // Arrange
        var builder = new AccountBuilder().Policy("Reader", Policy(Allow("s3:GetObject")), attachments: 1000);
        for (var i = 0; i < 2000; i++)
        {
            builder.User($"u{i}", attached: i % 2 == 0 ? ["Reader"] : null, inline: i % 2 == 0 ? null : [Policy(Allow("ec2:*"))]);
        }

        var access = new IamAccountAccess(builder.Build());

        // Act
        var result = access.WhoCan("s3:GetObject");

        // Assert
        Assert.Equal(2001, result.PrincipalsChecked);
        Assert.Equal(1001, result.Principals.Count);
    }
}
