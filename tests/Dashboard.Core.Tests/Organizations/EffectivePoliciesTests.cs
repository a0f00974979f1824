using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Organizations;
using static Dashboard.Core.Tests.Organizations.OrganizationTestKit;

namespace Dashboard.Core.Tests.Organizations;

/// <summary>The chain root → OUs → account, and what the evaluator makes of it (AWS Organizations guide, SCP evaluation).</summary>
public sealed class EffectivePoliciesTests
{
    private static readonly string[] ProdLevels =
    [
        $"Root ({RootId})",
        $"OU 'Workloads' ({Workloads})",
        $"OU 'Prod' ({Prod})",
        $"Account 'prod' ({ProdAccount})",
    ];

    [Fact]
    public void ForAccount_NestedAccount_ListsLevelsRootFirstWithTheirScps()
    {
        // Arrange
        var snapshot = Snapshot();

        // Act
        var levels = EffectivePolicies.ForAccount(snapshot, ProdAccount);

        // Assert
        Assert.Equal(ProdLevels, levels.Select(l => l.Name));
        Assert.Equal(["FullAWSAccess", "DenyDynamoDB"], levels[2].Policies.Select(p => p.Name));
        Assert.All(levels, l => Assert.All(l.Policies, p => Assert.True(p.Parsed.IsSuccess)));
    }

    [Fact]
    public void ForAccount_ScpLevels_LeaveOutRcpsAttachedAtTheSameTarget()
    {
        // Act
        var scps = EffectivePolicies.ForAccount(Snapshot(), ProdAccount);
        var rcps = EffectivePolicies.ForAccount(Snapshot(root: Root(OrganizationPolicyTypes.ServiceControlPolicy, OrganizationPolicyTypes.ResourceControlPolicy)), ProdAccount, OrganizationPolicyTypes.ResourceControlPolicy);

        // Assert
        Assert.Equal(["FullAWSAccess"], scps[0].Policies.Select(p => p.Name));
        Assert.Equal(["RCPFullAWSAccess"], rcps[0].Policies.Select(p => p.Name));
        Assert.Empty(rcps[1].Policies);
    }

    [Fact]
    public void ForAccount_PolicyTypeNotEnabled_ReturnsNoLevels()
    {
        // Arrange: RCPs are attached but the type is not enabled on the root, so they restrict nothing.
        var snapshot = Snapshot();

        // Act
        var levels = EffectivePolicies.ForAccount(snapshot, ProdAccount, OrganizationPolicyTypes.ResourceControlPolicy);

        // Assert
        Assert.Empty(levels);
    }

    [Fact]
    public void ForAccount_UnknownAccount_ThrowsNamingIt()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => EffectivePolicies.ForAccount(Snapshot(), "999999999999"));

        // Assert
        Assert.Contains("Account 999999999999 is not in organization o-a1b2c3d4e5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChainFor_Ou_EndsAtTheOuWithOrganizationRecords()
    {
        // Act
        var chain = EffectivePolicies.ChainFor(Snapshot(), Prod);

        // Assert
        Assert.Equal([OrganizationTargetKind.Root, OrganizationTargetKind.OrganizationalUnit, OrganizationTargetKind.OrganizationalUnit], chain.Select(l => l.Kind));
        Assert.Equal([FullAwsAccessId, DenyDynamoDbId], chain[^1].Policies.Select(p => p.Id));
    }

    [Fact]
    public void Evaluate_DenyAtAnOu_DeniesAndNamesTheScpAndLevel()
    {
        // Arrange
        var request = AdminRequest(ProdAccount, "dynamodb:PutItem", Snapshot());

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
        var deny = Assert.Single(result.DecidingStatements);
        Assert.Equal(("DenyDynamoDB", $"OU 'Prod' ({Prod})"), (deny.PolicyName, deny.Level));
    }

    [Theory]
    [InlineData("ec2:RunInstances", DecisionKind.Allowed)]
    [InlineData("s3:GetObject", DecisionKind.ImplicitDeny)]
    public void Evaluate_AllowListOu_AllowsOnlyItsServicesEvenWithFullAccessBelow(string action, DecisionKind expected)
    {
        // Arrange: the Sandbox OU has only an allow list; the account below it has FullAWSAccess.
        var request = AdminRequest(SandboxAccount, action, Snapshot());

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    [Fact]
    public void Evaluate_RootWithoutFullAccess_LowerLevelsCannotReAddIt()
    {
        // Arrange: the root holds only the EC2 allow list; every level below has FullAWSAccess.
        var attachments = Attachments();
        attachments[RootId] = [AllowEc2Id];
        var request = AdminRequest(ProdAccount, "s3:GetObject", Snapshot(attachments));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
        Assert.Contains($"Root ({RootId})", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ManagementAccount_IsNotRestrictedByScps()
    {
        // Arrange: even with a deny at the root, the management account is exempt.
        var attachments = Attachments();
        attachments[RootId] = [FullAwsAccessId, DenyDynamoDbId];
        var snapshot = Snapshot(attachments);
        var request = AdminRequest(Management, "dynamodb:PutItem", snapshot) with { PrincipalInManagementAccount = snapshot.IsManagementAccount(Management) };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Fact]
    public void Evaluate_UnparsableScpOnThePath_IsUncertainNeverAllowed()
    {
        // Arrange
        var request = AdminRequest(ProdAccount, "s3:GetObject", Snapshot(denyContent: "{ not json"));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.NotEqual(DecisionKind.Allowed, result.Kind);
        Assert.True(result.IsUncertain);
        Assert.Contains(result.UncertainReasons, r => r.Contains("'DenyDynamoDB' could not be parsed", StringComparison.Ordinal));
    }

    private static EvaluationRequest AdminRequest(string accountId, string action, OrganizationSnapshot snapshot) => new()
    {
        Principal = PrincipalContext.ForRole($"arn:aws:iam::{accountId}:role/Admin", sessionName: "s1"),
        Action = action,
        IdentityPolicies = [PolicyInput.FromJson("AdministratorAccess", FullAwsAccess)],
        ServiceControlPolicies = EffectivePolicies.ForAccount(snapshot, accountId),
    };

    [Theory]
    [InlineData(null, "No organization is cached")]
    [InlineData(Management, "SCPs do not apply: 111111111111 is the management account of o-a1b2c3d4e5")]
    [InlineData("999999999999", "account 999999999999 is not in the cached organization")]
    [InlineData(ProdAccount, null)]
    public void WhyNotApplied_EachCase_SaysWhyOrNothingWhenTheChainApplies(string? account, string? expected)
    {
        // Arrange: null account stands for "no organization cached" (asked about the prod account).
        var snapshot = account is null ? null : Snapshot();

        // Act
        var note = ScpScope.WhyNotApplied(snapshot, account ?? ProdAccount);
        var chain = ScpScope.For(snapshot, account ?? ProdAccount);

        // Assert
        if (expected is null)
        {
            Assert.Null(note);
            Assert.NotNull(chain);
        }
        else
        {
            Assert.Contains(expected, note, StringComparison.Ordinal);
            Assert.Null(chain);
        }
    }

    [Fact]
    public void WhyNotApplied_ScpsNotEnabledOnTheRoot_SaysSo()
    {
        // Act
        var note = ScpScope.WhyNotApplied(Snapshot(root: Root(OrganizationPolicyTypes.ResourceControlPolicy)), ProdAccount);

        // Assert
        Assert.Equal("No SCPs were applied: SCPs are not enabled on the root of o-a1b2c3d4e5.", note);
    }
}
