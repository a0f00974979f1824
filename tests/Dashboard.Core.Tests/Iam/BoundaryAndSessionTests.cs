using Dashboard.Core.Iam.Evaluation;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam;

/// <summary>Permissions boundaries and session policies intersect with identity policies.</summary>
public sealed class BoundaryAndSessionTests
{
    // IAM User Guide, permissions boundaries: ShirleyRodriguez may manage only S3, CloudWatch and EC2.
    private static readonly string Boundary = Policy(Allow("[\"s3:*\", \"cloudwatch:*\", \"ec2:*\"]"));

    [Fact]
    public void Evaluate_IdentityAllowsButBoundaryDoesNot_IsImplicitlyDenied()
    {
        // Arrange: the identity policy grants iam:CreateUser, the boundary does not.
        var request = Request("iam:CreateUser", "*", Policy(Allow("iam:CreateUser"))) with { PermissionsBoundary = Input("ShirleyBoundary", Boundary) };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
        Assert.Contains("the permissions boundary 'ShirleyBoundary' does not allow iam:CreateUser", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BoundaryAllowsButIdentityDoesNot_IsImplicitlyDenied()
    {
        // Arrange
        var request = Request("s3:GetObject", "*") with { PermissionsBoundary = Input("ShirleyBoundary", Boundary) };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
    }

    [Fact]
    public void Evaluate_BothAllow_IsAllowedAndNamesBoth()
    {
        // Arrange
        var request = Request("s3:GetObject", "*", Policy(Allow("s3:GetObject"))) with { PermissionsBoundary = Input("ShirleyBoundary", Boundary) };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
        Assert.Equal([PolicyKind.Identity, PolicyKind.PermissionsBoundary], result.DecidingStatements.Select(s => s.PolicyKind));
    }

    [Fact]
    public void Evaluate_DenyInBoundary_IsAnExplicitDeny()
    {
        // Arrange
        var request = Request("ec2:TerminateInstances", "*", Policy(Allow("*"))) with
        {
            PermissionsBoundary = Input("Boundary", Policy(Allow("*"), Deny("ec2:TerminateInstances"))),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
        Assert.Equal(PolicyKind.PermissionsBoundary, result.DecidingStatements[0].PolicyKind);
    }

    [Fact]
    public void Evaluate_UnparseableBoundary_IsUncertainNeverAllowed()
    {
        // Arrange
        var request = Request("s3:GetObject", "*", Policy(Allow("*"))) with { PermissionsBoundary = Input("Broken", "{\"Version\": \"2012-10-17\", \"Statement\": [") };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.NotEqual(DecisionKind.Allowed, result.Kind);
        Assert.True(result.IsUncertain);
    }

    [Theory]
    [InlineData("s3:GetObject", DecisionKind.Allowed)]
    [InlineData("s3:PutObject", DecisionKind.ImplicitDeny)]
    public void Evaluate_SessionPolicy_LimitsTheRolesPermissions(string action, DecisionKind expected)
    {
        // Arrange: the role may do all of S3; the session was given read-only.
        var request = Request(action, "arn:aws:s3:::data/x", Policy(Allow("s3:*"))) with
        {
            Principal = AppRole,
            SessionPolicies = [Input("read-only session", Policy(Allow("s3:GetObject")))],
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    [Fact]
    public void Evaluate_SessionPolicyAloneGrantsNothing()
    {
        // Arrange
        var request = Request("s3:GetObject", "*") with { Principal = AppRole, SessionPolicies = [Input("session", Policy(Allow("s3:*")))] };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
    }
}
