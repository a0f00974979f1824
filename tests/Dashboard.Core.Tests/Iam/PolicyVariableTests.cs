using Dashboard.Core.Iam.Evaluation;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam;

/// <summary>Policy variables (IAM User Guide, "IAM policy elements: Variables and tags").</summary>
public sealed class PolicyVariableTests
{
    private const string HomeFolderPolicy = """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::home",
           "Condition": {"StringLike": {"s3:prefix": ["${aws:username}/*"]}}},
          {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::home/${aws:username}/*"}
        ]}
        """;

    [Theory]
    [InlineData("arn:aws:s3:::home/alice/notes.txt", true)]
    [InlineData("arn:aws:s3:::home/bob/notes.txt", false)]
    public void Evaluate_UsernameInResource_IsSubstituted(string resource, bool allowed)
    {
        // Act
        var result = PolicyEvaluator.Evaluate(Request("s3:GetObject", resource, HomeFolderPolicy));

        // Assert
        Assert.Equal(allowed, result.IsAllowed);
    }

    [Theory]
    [InlineData("alice/reports/", true)]
    [InlineData("bob/", false)]
    public void Evaluate_UsernameInConditionValue_IsSubstituted(string prefix, bool allowed)
    {
        // Arrange
        var request = Request("s3:ListBucket", "arn:aws:s3:::home", HomeFolderPolicy) with { Context = ContextKeys.Empty.With("s3:prefix", prefix) };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(allowed, result.IsAllowed);
    }

    [Fact]
    public void Evaluate_VariableInOldVersionPolicy_IsLiteralText()
    {
        // Arrange: without Version 2012-10-17, ${aws:username} is just text.
        const string policy = """{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}}""";

        // Act
        var substituted = PolicyEvaluator.Evaluate(Request("s3:GetObject", "arn:aws:s3:::home/alice/a", policy));
        var literal = PolicyEvaluator.Evaluate(Request("s3:GetObject", "arn:aws:s3:::home/${aws:username}/a", policy));

        // Assert
        Assert.Equal((false, true), (substituted.IsAllowed, literal.IsAllowed));
    }

    [Fact]
    public void Evaluate_PrincipalTagVariable_UsesTheTag()
    {
        // Arrange
        const string policy = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::team-${aws:PrincipalTag/team}/*"}}""";
        var request = Request("s3:GetObject", "arn:aws:s3:::team-blue/x", policy) with
        {
            Principal = PrincipalContext.ForUser($"arn:aws:iam::{Account}:user/alice", new Dictionary<string, string> { ["Team"] = "blue" }),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.True(result.IsAllowed, result.Summary);
    }

    [Fact]
    public void Evaluate_UserIdVariable_UsesTheUniqueId()
    {
        // Arrange
        const string policy = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:userid}/*"}}""";
        var request = Request("s3:GetObject", "arn:aws:s3:::home/AIDAEXAMPLE/x", policy) with
        {
            Principal = PrincipalContext.ForUser($"arn:aws:iam::{Account}:user/alice", userId: "AIDAEXAMPLE"),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.True(result.IsAllowed, result.Summary);
    }

    [Fact]
    public void Evaluate_UnknownVariable_MakesTheResourceMatchConditional()
    {
        // Arrange: the tags of the principal are not known.
        const string policy = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::team-${aws:PrincipalTag/team}/*"}}""";

        // Act
        var result = PolicyEvaluator.Evaluate(Request("s3:GetObject", "arn:aws:s3:::team-blue/x", policy));

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, result.Kind);
        var clause = Assert.Single(Assert.Single(result.AllowedOnlyIf).Alternatives[0].Clauses);
        Assert.Equal("aws:PrincipalTag/team", clause.Key);
        Assert.Contains("depends on aws:PrincipalTag/team", clause.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_VariableWithNoValue_MakesTheStatementInvalid()
    {
        // Arrange: roles have no aws:username.
        var request = Request("s3:GetObject", "arn:aws:s3:::home/app/x", HomeFolderPolicy) with { Principal = AppRole, Verbose = true };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
        Assert.Contains(result.Trace, t => t.Outcome == StatementOutcome.VariableUnresolved);
    }

    [Fact]
    public void Evaluate_VariableDefault_IsUsedWhenTheKeyIsAbsent()
    {
        // Arrange
        const string policy = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::home/${aws:username, 'shared'}/*"}}""";
        var request = Request("s3:GetObject", "arn:aws:s3:::home/shared/x", policy) with { Principal = AppRole };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.True(result.IsAllowed, result.Summary);
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket/a*b", true)]
    [InlineData("arn:aws:s3:::bucket/aXb", false)]
    public void Evaluate_EscapedStar_IsALiteralCharacter(string resource, bool allowed)
    {
        // Arrange
        const string policy = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::bucket/a${*}b"}}""";

        // Act
        var result = PolicyEvaluator.Evaluate(Request("s3:GetObject", resource, policy));

        // Assert
        Assert.Equal(allowed, result.IsAllowed);
    }

    [Theory]
    [InlineData("${?}", "arn:aws:s3:::b/?", true)]
    [InlineData("${?}", "arn:aws:s3:::b/x", false)]
    [InlineData("${$}", "arn:aws:s3:::b/$", true)]
    public void Evaluate_OtherEscapes_AreLiteral(string escape, string resource, bool allowed)
    {
        // Arrange
        var policy = $$$"""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/{{{escape}}}"}}""";

        // Act
        var result = PolicyEvaluator.Evaluate(Request("s3:GetObject", resource, policy));

        // Assert
        Assert.Equal(allowed, result.IsAllowed);
    }

    [Fact]
    public void Evaluate_SubstitutedValueWithAStar_IsNotAWildcard()
    {
        // Arrange: a tag value containing * must not widen the pattern.
        const string policy = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::team-${aws:PrincipalTag/team}"}}""";
        var request = Request("s3:GetObject", "arn:aws:s3:::team-blue", policy) with
        {
            Principal = PrincipalContext.ForUser($"arn:aws:iam::{Account}:user/alice", new Dictionary<string, string> { ["team"] = "*" }),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.False(result.IsAllowed);
    }
}
