using Dashboard.Core.Iam.Evaluation;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam;

public sealed class PrincipalContextTests
{
    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/division/alice", PrincipalKind.User, "alice", null)]
    [InlineData("arn:aws:iam::111122223333:role/app", PrincipalKind.Role, "app", null)]
    [InlineData("arn:aws:iam::111122223333:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport", PrincipalKind.ServiceLinkedRole, "AWSServiceRoleForSupport", null)]
    [InlineData("arn:aws:iam::111122223333:root", PrincipalKind.Root, null, null)]
    [InlineData("111122223333", PrincipalKind.Root, null, null)]
    [InlineData("arn:aws:sts::111122223333:assumed-role/app/session-1", PrincipalKind.Role, "app", "arn:aws:sts::111122223333:assumed-role/app/session-1")]
    [InlineData("arn:aws:sts::111122223333:federated-user/carol", PrincipalKind.FederatedUser, "carol", null)]
    [InlineData("ec2.amazonaws.com", PrincipalKind.Service, "ec2.amazonaws.com", null)]
    public void TryFromArn_KnownShapes_AreRead(string arn, PrincipalKind kind, string? name, string? sessionArn)
    {
        // Act
        var ok = PrincipalContext.TryFromArn(arn, out var principal, out var error);

        // Assert
        Assert.True(ok, error);
        Assert.Equal((kind, name, sessionArn), (principal!.Kind, principal.Name, principal.SessionArn));
    }

    [Theory]
    [InlineData("")]
    [InlineData("alice")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("arn:aws:iam::111122223333:group/admins")]
    public void TryFromArn_Other_FailsWithReason(string arn)
    {
        // Act
        var ok = PrincipalContext.TryFromArn(arn, out var principal, out var error);

        // Assert
        Assert.False(ok);
        Assert.Null(principal);
        Assert.Contains(arn, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFromArn_AssumedRole_UsesTheRoleArnAsPrincipalArn()
    {
        // Act
        PrincipalContext.TryFromArn("arn:aws:sts::111122223333:assumed-role/app/s", out var principal, out _);

        // Assert
        Assert.Equal("arn:aws:iam::111122223333:role/app", principal!.Arn);
    }

    [Fact]
    public void ForUser_NotAUserArn_Throws()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => PrincipalContext.ForUser("arn:aws:iam::111122223333:role/app"));

        // Assert
        Assert.Contains("is not an IAM user ARN", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws:username", "alice")]
    [InlineData("aws:PrincipalType", "User")]
    [InlineData("aws:PrincipalAccount", "111122223333")]
    [InlineData("aws:PrincipalArn", "arn:aws:iam::111122223333:user/alice")]
    [InlineData("aws:PrincipalIsAWSService", "false")]
    public void DerivedKeys_ForAUser_AreKnownWithoutContext(string key, string value)
    {
        // Arrange
        var policy = Policy(Allow("*", "*", $$$"""{"StringEquals": {"{{{key}}}": "{{{value}}}"}}"""));

        // Act
        var result = PolicyEvaluator.Evaluate(Request("s3:GetObject", "*", policy));

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Fact]
    public void DerivedKeys_RoleHasNoUsername_SoAConditionOnItIsFalseNotUnknown()
    {
        // Arrange
        var policy = Policy(Allow("*", "*", """{"StringEquals": {"aws:username": "app"}}"""));

        // Act
        var result = PolicyEvaluator.Evaluate(Request("s3:GetObject", "*", policy) with { Principal = AppRole });

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
    }

    [Fact]
    public void DerivedKeys_RootPrincipalType_IsAccount()
    {
        // Arrange
        var request = Request("s3:GetObject") with
        {
            Principal = PrincipalContext.ForRoot(Account),
            ServiceControlPolicies = [Level("Root", ("FullAWSAccess", FullAwsAccess), ("DenyRoot", Policy(Deny("*", "*", """{"StringEquals": {"aws:PrincipalType": "Account"}}"""))))],
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
    }

    [Fact]
    public void DerivedKeys_OrganizationUnknown_IsConditional()
    {
        // Arrange
        var policy = Policy(Allow("*", "*", """{"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}"""));

        // Act
        var unknown = PolicyEvaluator.Evaluate(Request("s3:GetObject", "*", policy));
        var known = PolicyEvaluator.Evaluate(Request("s3:GetObject", "*", policy) with { Principal = Alice.WithOrganization("o-abc123") });

        // Assert
        Assert.Equal((DecisionKind.ConditionallyAllowed, DecisionKind.Allowed), (unknown.Kind, known.Kind));
    }

    [Fact]
    public void DerivedKeys_KnownTagsMakeAMissingTagAbsent()
    {
        // Arrange
        var policy = Policy(Allow("*", "*", """{"StringEquals": {"aws:PrincipalTag/team": "blue"}}"""));
        var tagged = PrincipalContext.ForUser($"arn:aws:iam::{Account}:user/alice", new Dictionary<string, string> { ["cost-center"] = "42" });

        // Act
        var result = PolicyEvaluator.Evaluate(Request("s3:GetObject", "*", policy) with { Principal = tagged });

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
    }

    [Fact]
    public void DerivedKeys_ResourceAccountComesFromTheArn()
    {
        // Arrange
        var policy = Policy(Allow("*", "*", $$$"""{"StringEquals": {"aws:ResourceAccount": "{{{Account}}}"}}"""));

        // Act
        var result = PolicyEvaluator.Evaluate(Request("sqs:SendMessage", $"arn:aws:sqs:eu-west-1:{Account}:q", policy));

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Fact]
    public void SuppliedContext_OverridesDerivedKeys()
    {
        // Arrange
        var policy = Policy(Allow("*", "*", """{"StringEquals": {"aws:username": "someone-else"}}"""));

        // Act
        var result = PolicyEvaluator.Evaluate(Request("s3:GetObject", "*", policy) with { Context = ContextKeys.Empty.With("aws:username", "someone-else") });

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Fact]
    public void TryParseAssignments_ReadsKeyValuePairsAndRepeatsAsMultipleValues()
    {
        // Act
        var ok = ContextKeys.TryParseAssignments(["aws:TagKeys=env", "aws:TagKeys=team", "aws:SourceIp=203.0.113.5", "aws:MultiFactorAuthPresent="], out var keys, out var error);

        // Assert
        Assert.True(ok, error);
        Assert.True(keys.TryGetValues("AWS:TAGKEYS", out var tags));
        Assert.Equal(["env", "team"], tags);
        Assert.True(keys.TryGetValues("aws:MultiFactorAuthPresent", out var absent));
        Assert.Empty(absent);
    }

    [Fact]
    public void TryParseAssignments_MissingEquals_NamesTheBadAssignment()
    {
        // Act
        var ok = ContextKeys.TryParseAssignments(["aws:SourceIp"], out _, out var error);

        // Assert
        Assert.False(ok);
        Assert.Contains("'aws:SourceIp' is not key=value", error, StringComparison.Ordinal);
    }
}
