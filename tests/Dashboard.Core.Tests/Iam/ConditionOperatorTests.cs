using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Tests.Iam;

/// <summary>Each operator decided against a supplied context value, from the IAM User Guide's operator tables.</summary>
public sealed class ConditionOperatorTests
{
    internal static DecisionKind Decide(string condition, ContextKeys context, MissingContextKeys missing = MissingContextKeys.Absent)
    {
        var request = IamTestKit.Request("s3:GetObject", "*", IamTestKit.Policy(IamTestKit.Allow("*", "*", condition))) with
        {
            Context = context,
            MissingKeys = missing,
        };
        return PolicyEvaluator.Evaluate(request).Kind;
    }

    private static ContextKeys Key(string key, params string[] values) => ContextKeys.Empty.With(key, values);

    [Theory]
    [InlineData("StringEquals", "john", "john", true)]
    [InlineData("StringEquals", "john", "John", false)]
    [InlineData("StringNotEquals", "john", "John", true)]
    [InlineData("StringNotEquals", "john", "john", false)]
    [InlineData("StringEqualsIgnoreCase", "john", "JOHN", true)]
    [InlineData("StringEqualsIgnoreCase", "john", "jane", false)]
    [InlineData("StringNotEqualsIgnoreCase", "john", "JOHN", false)]
    [InlineData("StringNotEqualsIgnoreCase", "john", "jane", true)]
    [InlineData("StringLike", "home/*/docs", "home/john/docs", true)]
    [InlineData("StringLike", "home/?ohn", "home/john", true)]
    [InlineData("StringLike", "home/*", "Home/john", false)]
    [InlineData("StringNotLike", "home/*", "work/john", true)]
    [InlineData("StringNotLike", "home/*", "home/john", false)]
    public void StringOperators_CompareAsDocumented(string op, string policyValue, string contextValue, bool allowed)
    {
        // Act
        var kind = Decide($$$"""{"{{{op}}}": {"s3:prefix": "{{{policyValue}}}"}}""", Key("s3:prefix", contextValue));

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Theory]
    [InlineData("NumericEquals", "10", "10", true)]
    [InlineData("NumericEquals", "10", "10.0", true)]
    [InlineData("NumericNotEquals", "10", "11", true)]
    [InlineData("NumericNotEquals", "10", "10", false)]
    [InlineData("NumericLessThan", "3600", "3599", true)]
    [InlineData("NumericLessThan", "3600", "3600", false)]
    [InlineData("NumericLessThanEquals", "3600", "3600", true)]
    [InlineData("NumericGreaterThan", "3600", "3601", true)]
    [InlineData("NumericGreaterThan", "3600", "3600", false)]
    [InlineData("NumericGreaterThanEquals", "3600", "3600", true)]
    [InlineData("NumericLessThan", "3600", "not-a-number", false)]
    public void NumericOperators_CompareNumbers(string op, string policyValue, string contextValue, bool allowed)
    {
        // Act
        var kind = Decide($$$"""{"{{{op}}}": {"aws:MultiFactorAuthAge": "{{{policyValue}}}"}}""", Key("aws:MultiFactorAuthAge", contextValue));

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Theory]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", true)]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z", "2020-01-01T02:00:00+02:00", true)]
    [InlineData("DateNotEquals", "2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", true)]
    [InlineData("DateLessThan", "2020-06-30T00:00:00Z", "2020-06-29T23:59:59Z", true)]
    [InlineData("DateLessThan", "2020-06-30T00:00:00Z", "2020-06-30T00:00:00Z", false)]
    [InlineData("DateLessThanEquals", "2020-06-30T00:00:00Z", "2020-06-30T00:00:00Z", true)]
    [InlineData("DateGreaterThan", "2020-01-01T00:00:00Z", "2020-01-01T00:00:01Z", true)]
    [InlineData("DateGreaterThanEquals", "2020-01-01T00:00:00Z", "2019-12-31T23:59:59Z", false)]
    [InlineData("DateGreaterThan", "1577836800", "2020-01-01T00:00:01Z", true)]
    [InlineData("DateLessThan", "2020-01-01T00:00:00Z", "1577836799", true)]
    public void DateOperators_CompareInstantsIncludingEpochSeconds(string op, string policyValue, string contextValue, bool allowed)
    {
        // Act
        var kind = Decide($$$"""{"{{{op}}}": {"aws:CurrentTime": "{{{policyValue}}}"}}""", Key("aws:CurrentTime", contextValue));

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Fact]
    public void DateOperator_RequestTime_SuppliesAwsCurrentTime()
    {
        // Arrange
        var policy = IamTestKit.Policy(IamTestKit.Allow("*", "*", """{"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}"""));
        var request = IamTestKit.Request("s3:GetObject", "*", policy) with { RequestTime = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero) };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
    }

    [Theory]
    [InlineData("true", "true", true)]
    [InlineData("true", "TRUE", true)]
    [InlineData("true", "false", false)]
    [InlineData("false", "false", true)]
    [InlineData("true", "yes", false)]
    public void Bool_ComparesBooleans(string policyValue, string contextValue, bool allowed)
    {
        // Act
        var kind = Decide($$$"""{"Bool": {"aws:SecureTransport": "{{{policyValue}}}"}}""", Key("aws:SecureTransport", contextValue));

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Theory]
    [InlineData("QmluYXJ5VmFsdWU=", "QmluYXJ5VmFsdWU=", true)]
    [InlineData("QmluYXJ5VmFsdWU=", "T3RoZXI=", false)]
    public void BinaryEquals_ComparesDecodedBytes(string policyValue, string contextValue, bool allowed)
    {
        // Act
        var kind = Decide($$$"""{"BinaryEquals": {"some:Key": "{{{policyValue}}}"}}""", Key("some:Key", contextValue));

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Theory]
    [InlineData("IpAddress", "203.0.113.0/24", "203.0.113.10", true)]
    [InlineData("IpAddress", "203.0.113.0/24", "198.51.100.1", false)]
    [InlineData("NotIpAddress", "203.0.113.0/24", "198.51.100.1", true)]
    [InlineData("NotIpAddress", "203.0.113.0/24", "203.0.113.10", false)]
    [InlineData("IpAddress", "2001:DB8:1234:5678::/64", "2001:db8:1234:5678::99", true)]
    [InlineData("IpAddress", "2001:DB8:1234:5678::/64", "2001:db8:1234:5679::99", false)]
    [InlineData("IpAddress", "203.0.113.0/24", "not-an-ip", false)]
    public void IpOperators_TestCidrMembership(string op, string policyValue, string contextValue, bool allowed)
    {
        // Act
        var kind = Decide($$$"""{"{{{op}}}": {"aws:SourceIp": "{{{policyValue}}}"}}""", Key("aws:SourceIp", contextValue));

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Theory]
    [InlineData("ArnEquals", "arn:aws:iam::111122223333:role/admin", "arn:aws:iam::111122223333:role/admin", true)]
    [InlineData("ArnEquals", "arn:aws:iam::*:role/admin", "arn:aws:iam::444455556666:role/admin", true)]
    [InlineData("ArnLike", "arn:aws:iam::*:role/Admin*", "arn:aws:iam::444455556666:role/AdminTeam", true)]
    [InlineData("ArnLike", "arn:aws:iam::*:role/Admin*", "arn:aws:iam::444455556666:role/admin", false)]
    [InlineData("ArnNotLike", "arn:aws:iam::*:role/Admin*", "arn:aws:iam::444455556666:role/dev", true)]
    [InlineData("ArnNotEquals", "arn:aws:iam::111122223333:role/admin", "arn:aws:iam::111122223333:role/admin", false)]
    [InlineData("ArnLike", "arn:aws:sns:*:111122223333:*", "not-an-arn", false)]
    public void ArnOperators_MatchSegmentBySegment(string op, string policyValue, string contextValue, bool allowed)
    {
        // Act
        var kind = Decide($$$"""{"{{{op}}}": {"aws:SourceArn": "{{{policyValue}}}"}}""", Key("aws:SourceArn", contextValue));

        // Assert
        Assert.Equal(allowed, kind == DecisionKind.Allowed);
    }

    [Fact]
    public void MultipleValuesForOneKey_AreOred()
    {
        // Act
        var kind = Decide("""{"StringEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}""", Key("aws:RequestedRegion", "eu-central-1"));

        // Assert
        Assert.Equal(DecisionKind.Allowed, kind);
    }

    [Fact]
    public void NegatedOperatorWithMultipleValues_IsANor()
    {
        // Act
        var kind = Decide("""{"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}""", Key("aws:RequestedRegion", "eu-central-1"));

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, kind);
    }

    [Fact]
    public void SeveralKeysAndOperators_AreAnded()
    {
        // Arrange
        const string condition = """{"StringEquals": {"aws:RequestedRegion": "eu-west-1", "aws:PrincipalTag/team": "blue"}, "Bool": {"aws:SecureTransport": "true"}}""";
        var context = ContextKeys.Empty.With("aws:RequestedRegion", "eu-west-1").With("aws:PrincipalTag/team", "blue");

        // Act
        var withoutTls = Decide(condition, context.With("aws:SecureTransport", "false"));
        var withTls = Decide(condition, context.With("aws:SecureTransport", "true"));

        // Assert
        Assert.Equal((DecisionKind.ImplicitDeny, DecisionKind.Allowed), (withoutTls, withTls));
    }

    [Fact]
    public void ContextKeyNames_AreCaseInsensitive()
    {
        // Act
        var kind = Decide("""{"IpAddress": {"AWS:SourceIP": "203.0.113.0/24"}}""", Key("aws:sourceip", "203.0.113.5"));

        // Assert
        Assert.Equal(DecisionKind.Allowed, kind);
    }
}
