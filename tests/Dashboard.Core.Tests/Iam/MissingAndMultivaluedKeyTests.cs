using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Tests.Iam;

/// <summary>IfExists, Null and the set operators on missing, empty and multivalued keys.</summary>
public sealed class MissingAndMultivaluedKeyTests
{
    private static DecisionKind Decide(string condition, ContextKeys context) =>
        ConditionOperatorTests.Decide(condition, context, MissingContextKeys.Absent);

    [Theory]
    [InlineData("""{"StringEquals": {"ec2:InstanceType": "t2.micro"}}""", false)]
    [InlineData("""{"StringNotEquals": {"ec2:InstanceType": "t2.micro"}}""", true)]
    [InlineData("""{"StringNotLike": {"ec2:InstanceType": "t2.*"}}""", true)]
    [InlineData("""{"ArnNotLike": {"aws:SourceArn": "arn:aws:sns:*:*:*"}}""", true)]
    [InlineData("""{"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}""", true)]
    [InlineData("""{"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}""", false)]
    [InlineData("""{"StringEqualsIfExists": {"ec2:InstanceType": "t2.micro"}}""", true)]
    [InlineData("""{"NumericLessThanIfExists": {"aws:MultiFactorAuthAge": "3600"}}""", true)]
    [InlineData("""{"Null": {"ec2:InstanceType": "true"}}""", true)]
    [InlineData("""{"Null": {"ec2:InstanceType": "false"}}""", false)]
    [InlineData("""{"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}}""", true)]
    [InlineData("""{"ForAnyValue:StringEquals": {"aws:TagKeys": ["env"]}}""", false)]
    [InlineData("""{"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["env"]}}""", false)]
    public void AbsentKey_FollowsTheDocumentedRules(string condition, bool allowed)
    {
        // Act: the key is known to be absent from the request.
        var kind = Decide(condition, ContextKeys.Empty);

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Theory]
    [InlineData("""{"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}}""", true)]
    [InlineData("""{"ForAnyValue:StringEquals": {"aws:TagKeys": ["env"]}}""", false)]
    [InlineData("""{"Null": {"aws:TagKeys": "true"}}""", true)]
    public void EmptySet_BehavesLikeAMissingKey(string condition, bool allowed)
    {
        // Act
        var kind = Decide(condition, ContextKeys.Empty.WithAbsent("aws:TagKeys"));

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Theory]
    [InlineData("""{"Null": {"ec2:InstanceType": "true"}}""", false)]
    [InlineData("""{"Null": {"ec2:InstanceType": "false"}}""", true)]
    [InlineData("""{"StringEqualsIfExists": {"ec2:InstanceType": "t2.micro"}}""", false)]
    [InlineData("""{"StringEqualsIfExists": {"ec2:InstanceType": "m5.large"}}""", true)]
    public void PresentKey_IfExistsChecksTheValueAndNullIsFalse(string condition, bool allowed)
    {
        // Act
        var kind = Decide(condition, ContextKeys.Empty.With("ec2:InstanceType", "m5.large"));

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Theory]
    [InlineData(new[] { "env", "team" }, true)]
    [InlineData(new[] { "env" }, true)]
    [InlineData(new[] { "env", "owner" }, false)]
    public void ForAllValues_EveryRequestValueMustMatch(string[] tagKeys, bool allowed)
    {
        // Act
        var kind = Decide("""{"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}""", ContextKeys.Empty.With("aws:TagKeys", tagKeys));

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Theory]
    [InlineData(new[] { "owner", "team" }, true)]
    [InlineData(new[] { "owner" }, false)]
    public void ForAnyValue_OneRequestValueSuffices(string[] tagKeys, bool allowed)
    {
        // Act
        var kind = Decide("""{"ForAnyValue:StringEquals": {"aws:TagKeys": ["env", "team"]}}""", ContextKeys.Empty.With("aws:TagKeys", tagKeys));

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Theory]
    [InlineData(new[] { "dev-a", "dev-b" }, true)]
    [InlineData(new[] { "dev-a", "prod-b" }, false)]
    public void ForAllValuesStringNotLike_NoRequestValueMayMatch(string[] values, bool allowed)
    {
        // Act
        var kind = Decide("""{"ForAllValues:StringNotLike": {"aws:TagKeys": "prod-*"}}""", ContextKeys.Empty.With("aws:TagKeys", values));

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Fact]
    public void MultivaluedKeyWithoutSetOperator_MatchesWhenAnyValueMatches()
    {
        // Act
        var kind = Decide("""{"StringEquals": {"aws:CalledVia": "athena.amazonaws.com"}}""", ContextKeys.Empty.With("aws:CalledVia", "cloudformation.amazonaws.com", "athena.amazonaws.com"));

        // Assert
        Assert.Equal(DecisionKind.Allowed, kind);
    }

    [Fact]
    public void UnknownKeyUnderIfExists_IsConditionalNotAGuess()
    {
        // Act: with MissingContextKeys.Unknown the key may or may not be in the real request.
        var kind = ConditionOperatorTests.Decide("""{"StringEqualsIfExists": {"ec2:InstanceType": "t2.micro"}}""", ContextKeys.Empty, MissingContextKeys.Unknown);

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, kind);
    }
}
