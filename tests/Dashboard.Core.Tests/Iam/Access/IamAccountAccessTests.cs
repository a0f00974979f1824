using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam.Access;

public sealed class IamAccountAccessTests
{
    private static readonly OrganizationPolicyLevel[] DenyIamScp =
    [
        Level("Root r-1", ("FullAWSAccess", FullAwsAccess)),
        Level("Account", ("FullAWSAccess", FullAwsAccess), ("DenyIam", Policy(Deny("iam:*")))),
    ];

    private static IamAccountAccess Account() => new(new AccountBuilder()
        .Policy("AdministratorAccess", FullAwsAccess, awsManaged: true)
        .Group("admins", attached: ["AdministratorAccess"])
        .User("alice", groups: ["admins"])
        .User("bob", inline: [Policy(Allow("s3:GetObject", "arn:aws:s3:::reports/*"))])
        .User("carol", inline: [Policy(Allow("s3:GetObject", condition: """{"Bool": {"aws:MultiFactorAuthPresent": "true"}}"""))])
        .Build());

    [Fact]
    public void Can_AdminThroughGroup_AllowedAndNamesTheGroupPolicy()
    {
        // Arrange
        var access = Account();

        // Act
        var result = access.Can(AccountBuilder.UserArn("alice"), "iam:CreateUser");

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
        Assert.Contains(result.DecidingStatements, s => s.PolicyName.Contains("attached to group admins", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("arn:aws:s3:::reports/q1.csv", DecisionKind.Allowed)]
    [InlineData("arn:aws:s3:::payroll/q1.csv", DecisionKind.ImplicitDeny)]
    public void Can_ResourceRestrictedPolicy_DependsOnTheResource(string resource, DecisionKind expected)
    {
        // Arrange
        var access = Account();

        // Act
        var result = access.Can(AccountBuilder.UserArn("bob"), "s3:GetObject", resource);

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    [Fact]
    public void Can_ConditionOnUnsuppliedKey_ConditionalThenSettledByContext()
    {
        // Arrange
        var access = Account();
        var carol = AccountBuilder.UserArn("carol");

        // Act
        var unknown = access.Can(carol, "s3:GetObject");
        var withMfa = access.Can(carol, "s3:GetObject", context: ContextKeys.Empty.With("aws:MultiFactorAuthPresent", "true"));

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, unknown.Kind);
        Assert.Contains("aws:MultiFactorAuthPresent", unknown.Summary, StringComparison.Ordinal);
        Assert.Equal(DecisionKind.Allowed, withMfa.Kind);
    }

    [Fact]
    public void Can_ScpDeniesIam_ExplicitDenyNamingTheScp()
    {
        // Arrange
        var access = Account();

        // Act
        var result = access.Can(AccountBuilder.UserArn("alice"), "iam:CreateUser", serviceControlPolicies: DenyIamScp);

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
        Assert.Contains("SCP 'DenyIam'", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Can_RootByAccountId_AllowedWithoutPolicies()
    {
        // Arrange
        var access = Account();

        // Act
        var result = access.Can(AccountBuilder.Account, "s3:DeleteBucket", "arn:aws:s3:::anything");

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/nobody", "is not a user or role of account 111122223333")]
    [InlineData("not-an-arn", "is not a principal ARN")]
    [InlineData("", "missing principal ARN")]
    public void TryFind_UnknownOrMalformedPrincipal_FalseWithClearError(string arn, string expected)
    {
        // Arrange
        var access = Account();

        // Act
        var found = access.TryFind(arn, out var identity, out var error);

        // Assert
        Assert.False(found);
        Assert.Null(identity);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Can_MalformedAction_ArgumentExceptionNamingTheAction()
    {
        // Arrange
        var access = Account();

        // Act
        var ex = Assert.Throws<ArgumentException>(() => access.Can(AccountBuilder.UserArn("alice"), "GetObject"));

        // Assert
        Assert.Contains("'GetObject' is not service:ActionName", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrincipalAccessCan_SameQuestionTwice_EvaluatedOnce()
    {
        // Arrange
        var access = Account();
        var alice = access.For(access.Find(AccountBuilder.UserArn("alice")));

        // Act
        var first = alice.Can("s3:GetObject");
        var second = alice.Can("S3:GETOBJECT");

        // Assert
        Assert.Same(first, second);
        Assert.Equal(1, alice.Evaluations);
    }

    [Fact]
    public void PrincipalAccessCan_ActionNoStatementNames_ImplicitDenyWithoutEvaluating()
    {
        // Arrange
        var access = Account();
        var bob = access.For(access.Find(AccountBuilder.UserArn("bob")));

        // Act
        var result = bob.Can("ec2:RunInstances");

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
        Assert.Equal(0, bob.Evaluations);
        Assert.Contains("no identity-based policy allows ec2:RunInstances", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestTime_TokenIssueTimeCondition_DecidedAsForAFreshSession()
    {
        // Arrange: IAM-Vulnerable's fn3 (after 2020: true today) and fp5 (before 2020: false today).
        var snapshot = new AccountBuilder()
            .User("fn3", inline: [Policy(Allow("iam:CreatePolicyVersion", condition: """{"DateGreaterThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}}"""))])
            .User("fp5", inline: [Policy(Allow("iam:CreatePolicyVersion", condition: """{"DateLessThan": {"aws:TokenIssueTime": "2020-01-01T00:00:01Z"}}"""))])
            .Build();
        var access = new IamAccountAccess(snapshot, new AccessOptions { RequestTime = RiskClock.Now });

        // Act
        var fn3 = access.Can(AccountBuilder.UserArn("fn3"), "iam:CreatePolicyVersion");
        var fp5 = access.Can(AccountBuilder.UserArn("fp5"), "iam:CreatePolicyVersion");

        // Assert
        Assert.Equal(DecisionKind.Allowed, fn3.Kind);
        Assert.Equal(DecisionKind.ImplicitDeny, fp5.Kind);
    }

    private static IamAccountAccess RoleAccount() => new(new AccountBuilder()
        .User("alice", inline: [Policy(Allow("sts:AssumeRole"))])
        .User("bob")
        .User("carol", inline: [Policy(Allow("sts:AssumeRole"))])
        .Role("deploy", trust: AccountBuilder.Trust($$"""{"AWS": ["{{AccountBuilder.UserArn("alice")}}", "{{AccountBuilder.UserArn("bob")}}"]}"""))
        .Build());

    [Theory]
    [InlineData("alice", DecisionKind.Allowed)]
    [InlineData("bob", DecisionKind.Allowed)]
    [InlineData("carol", DecisionKind.ImplicitDeny)]
    public void Can_AssumeRoleInTheAccount_DecidedWithTheRolesTrustPolicy(string user, DecisionKind expected)
    {
        // Arrange: carol may call sts:AssumeRole on anything, but the trust policy does not name her; bob has
        // no identity permission, but a trust policy naming a user of the same account is enough on its own.
        var access = RoleAccount();

        // Act
        var result = access.Can(AccountBuilder.UserArn(user), "sts:AssumeRole", AccountBuilder.RoleArn("deploy"));

        // Assert
        Assert.Equal(expected, result.Kind);
        Assert.Contains(result.Explanation, l => l.Contains(expected == DecisionKind.Allowed ? "trust policy of role 'deploy'" : "a role can only be assumed by principals its trust policy allows", StringComparison.Ordinal));
    }

    [Fact]
    public void WhoCan_AssumeRole_OnlyThePrincipalsTheTrustPolicyAdmits()
    {
        // Arrange
        var access = RoleAccount();

        // Act
        var result = access.WhoCan("sts:AssumeRole", AccountBuilder.RoleArn("deploy"));

        // Assert
        Assert.Equal(["alice", "bob"], result.Principals.Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
