using Dashboard.Core.Iam.Evaluation;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam;

/// <summary>Identity-based policies, from the IAM User Guide's examples.</summary>
public sealed class IdentityPolicyEvaluationTests
{
    /// <summary>IAM User Guide, aws:MultiFactorAuthPresent: "BlockMostAccessUnlessSignedInWithMFA".</summary>
    private const string BlockMostAccessUnlessSignedInWithMfa = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "AllowEverything", "Effect": "Allow", "Action": "*", "Resource": "*"},
            {
              "Sid": "BlockMostAccessUnlessSignedInWithMFA",
              "Effect": "Deny",
              "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices",
                            "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken"],
              "Resource": "*",
              "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}
            }
          ]
        }
        """;

    [Fact]
    public void Evaluate_NoPolicies_IsImplicitlyDenied()
    {
        // Act
        var result = PolicyEvaluator.Evaluate(Request("s3:GetObject"));

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
        Assert.Contains("no identity-based policy allows s3:GetObject", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AllowingStatement_IsAllowedAndNamesIt()
    {
        // Arrange
        var request = Request("s3:GetObject", "arn:aws:s3:::reports/q1.csv", Policy(Statement("Allow", "s3:GetObject", "arn:aws:s3:::reports/*", sid: "ReadReports")));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
        var deciding = Assert.Single(result.DecidingStatements);
        Assert.Equal(("identity-1", "ReadReports", PolicyKind.Identity), (deciding.PolicyName, deciding.Sid, deciding.PolicyKind));
    }

    [Fact]
    public void Evaluate_ExplicitDenyInAnotherPolicy_WinsOverAllow()
    {
        // Arrange
        var request = Request("s3:DeleteBucket", "arn:aws:s3:::reports", Policy(Allow("s3:*")), Policy(Statement("Deny", "s3:DeleteBucket", sid: "NoDeletes")));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
        Assert.Equal("NoDeletes", Assert.Single(result.DecidingStatements).Sid);
        Assert.Contains("identity-based policy 'identity-2', statement 'NoDeletes'", result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3:GetObject", true)]
    [InlineData("ec2:RunInstances", true)]
    [InlineData("iam:CreateUser", false)]
    [InlineData("IAM:PassRole", false)]
    public void Evaluate_AllowWithNotAction_AllowsEverythingExceptTheListedService(string action, bool allowed)
    {
        // Arrange: "everything except IAM" (IAM User Guide, NotAction with Allow).
        const string policy = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}""";

        // Act
        var result = PolicyEvaluator.Evaluate(Request(action, "*", policy));

        // Assert
        Assert.Equal(allowed ? DecisionKind.Allowed : DecisionKind.ImplicitDeny, result.Kind);
    }

    [Fact]
    public void Evaluate_BlockMostAccessWithoutMfa_DeniesOtherActions()
    {
        // Arrange
        var request = Request("ec2:DescribeInstances", "*", BlockMostAccessUnlessSignedInWithMfa) with
        {
            Context = ContextKeys.Empty.With("aws:MultiFactorAuthPresent", "false"),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
        Assert.Equal("BlockMostAccessUnlessSignedInWithMFA", result.DecidingStatements[0].Sid);
    }

    [Fact]
    public void Evaluate_BlockMostAccessWithoutMfa_StillAllowsTheMfaSetUpActions()
    {
        // Arrange
        var request = Request("iam:EnableMFADevice", "*", BlockMostAccessUnlessSignedInWithMfa) with
        {
            Context = ContextKeys.Empty.With("aws:MultiFactorAuthPresent", "false"),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Fact]
    public void Evaluate_BlockMostAccessWithMfa_Allows()
    {
        // Arrange
        var request = Request("ec2:DescribeInstances", "*", BlockMostAccessUnlessSignedInWithMfa) with
        {
            Context = ContextKeys.Empty.With("aws:MultiFactorAuthPresent", "true"),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Fact]
    public void Evaluate_BlockMostAccessWithAccessKeys_DeniesBecauseIfExistsTreatsAbsenceAsMatch()
    {
        // Arrange: long-term access keys put no aws:MultiFactorAuthPresent in the request.
        var request = Request("ec2:DescribeInstances", "*", BlockMostAccessUnlessSignedInWithMfa) with
        {
            Context = ContextKeys.Empty.WithAbsent("aws:MultiFactorAuthPresent"),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
    }

    [Fact]
    public void Evaluate_BlockMostAccessWithMfaUnknown_SaysDeniedIfInsteadOfGuessing()
    {
        // Act
        var result = PolicyEvaluator.Evaluate(Request("ec2:DescribeInstances", "*", BlockMostAccessUnlessSignedInWithMfa));

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, result.Kind);
        var deniedIf = Assert.Single(result.DeniedIf);
        Assert.Equal("BlockMostAccessUnlessSignedInWithMFA", deniedIf.Statement.Sid);
        Assert.Equal("aws:MultiFactorAuthPresent is false (or absent)", deniedIf.ConditionText);
        Assert.Equal("Denied if aws:MultiFactorAuthPresent is false (or absent); otherwise allowed.", result.Summary);
    }

    [Fact]
    public void Evaluate_AllowConditionOnMissingKey_IsAllowedOnlyIfTheConditionNamed()
    {
        // Arrange
        var policy = Policy(Statement("Allow", "ec2:StopInstances", condition: """{"Bool": {"aws:MultiFactorAuthPresent": "true"}}""", sid: "RequireMfa"));

        // Act
        var result = PolicyEvaluator.Evaluate(Request("ec2:StopInstances", "*", policy));

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, result.Kind);
        Assert.Equal("Allowed only if aws:MultiFactorAuthPresent is true.", result.Summary);
        var requirement = Assert.Single(result.AllowedOnlyIf);
        Assert.Equal("identity-based policies", requirement.Layer);
        Assert.Equal("RequireMfa", Assert.Single(requirement.Alternatives).Statement.Sid);
    }

    [Fact]
    public void Evaluate_TwoConditionalAllows_AreAlternatives()
    {
        // Arrange
        var policy = Policy(
            Allow("s3:GetObject", "*", """{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"""),
            Allow("s3:GetObject", "*", """{"StringEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}"""));

        // Act
        var result = PolicyEvaluator.Evaluate(Request("s3:GetObject", "*", policy));

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, result.Kind);
        Assert.Equal("(aws:SourceIp is in 203.0.113.0/24) or (aws:SourceVpce is \"vpce-1a2b3c4d\")", Assert.Single(result.AllowedOnlyIf).ConditionText);
    }

    [Fact]
    public void Evaluate_DefiniteAllowBesideConditionalOne_IsAllowed()
    {
        // Arrange
        var policy = Policy(
            Allow("s3:GetObject", "*", """{"Bool": {"aws:SecureTransport": "true"}}"""),
            Allow("s3:*"));

        // Act
        var result = PolicyEvaluator.Evaluate(Request("s3:GetObject", "*", policy));

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Fact]
    public void Evaluate_ConditionOnAKnownFalseValue_DoesNotApply()
    {
        // Arrange
        var policy = Policy(Allow("s3:*", "*", """{"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}"""));
        var request = Request("s3:GetObject", "*", policy) with { Context = ContextKeys.Empty.With("aws:RequestedRegion", "us-east-1") };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
    }

    [Theory]
    [InlineData("arn:aws:s3:::public/readme.txt", true)]
    [InlineData("arn:aws:s3:::confidential/plan.docx", false)]
    public void Evaluate_AllowWithNotResource_CoversEverythingElse(string resource, bool allowed)
    {
        // Arrange
        const string policy = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "NotResource": ["arn:aws:s3:::confidential", "arn:aws:s3:::confidential/*"]}}""";

        // Act
        var result = PolicyEvaluator.Evaluate(Request("s3:GetObject", resource, policy));

        // Assert
        Assert.Equal(allowed, result.IsAllowed);
    }

    [Fact]
    public void Evaluate_DenyWithNotResource_DeniesOutsideTheListedResources()
    {
        // Arrange
        var policy = Policy(Allow("s3:*"), """{"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::team-bucket", "arn:aws:s3:::team-bucket/*"]}""");

        // Act
        var inside = PolicyEvaluator.Evaluate(Request("s3:PutObject", "arn:aws:s3:::team-bucket/a", policy));
        var outside = PolicyEvaluator.Evaluate(Request("s3:PutObject", "arn:aws:s3:::other-bucket/a", policy));

        // Assert
        Assert.Equal((DecisionKind.Allowed, DecisionKind.ExplicitDeny), (inside.Kind, outside.Kind));
    }

    [Fact]
    public void Evaluate_UnparseableIdentityPolicy_IsNeverAllowedAndSaysWhy()
    {
        // Arrange
        var request = Request("s3:GetObject", "*", Policy(Allow("s3:*"))) with
        {
            IdentityPolicies = [Input("good", Policy(Allow("s3:*"))), Input("broken", "{ not json")],
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, result.Kind);
        Assert.True(result.IsUncertain);
        Assert.Contains("'broken' could not be parsed", Assert.Single(result.UncertainReasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_InvalidRequest_ThrowsNamingTheField()
    {
        // Arrange
        var request = Request("GetObject");

        // Act
        var error = Assert.Throws<ArgumentException>(() => PolicyEvaluator.Evaluate(request));

        // Assert
        Assert.Contains("action: 'GetObject' is not service:ActionName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WildcardAction_IsAProblem()
    {
        // Act
        var problems = Request("s3:*").Validate();

        // Assert
        Assert.Contains(problems, p => p.Contains("wildcard", StringComparison.Ordinal));
    }
}
