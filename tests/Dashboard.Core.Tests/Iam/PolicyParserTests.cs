using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Tests.Iam;

public sealed class PolicyParserTests
{
    [Fact]
    public void Parse_StatementAsSingleObject_ReadsOneStatement()
    {
        // Arrange
        const string json = """{"Version": "2012-10-17", "Statement": {"Sid": "One", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}""";

        // Act
        var policy = IamTestKit.Parse(json);

        // Assert
        var statement = Assert.Single(policy.Statements);
        Assert.Equal(("One", PolicyEffect.Allow, "s3:GetObject"), (statement.Sid, statement.Effect, statement.Actions.Values[0]));
    }

    [Fact]
    public void Parse_StatementArray_KeepsOrderAndIndexes()
    {
        // Arrange
        var json = IamTestKit.Policy(IamTestKit.Allow("s3:*"), IamTestKit.Deny("s3:DeleteBucket"));

        // Act
        var policy = IamTestKit.Parse(json);

        // Assert
        Assert.Equal([(0, PolicyEffect.Allow), (1, PolicyEffect.Deny)], policy.Statements.Select(s => (s.Index, s.Effect)));
    }

    [Theory]
    [InlineData("\"2012-10-17\"", PolicyVersion.V2012_10_17)]
    [InlineData("\"2008-10-17\"", PolicyVersion.V2008_10_17)]
    public void Parse_KnownVersion_IsRecorded(string version, PolicyVersion expected)
    {
        // Arrange
        var json = $$$"""{"Version": {{{version}}}, "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}""";

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.Equal((true, expected, 0), (result.IsSuccess, result.Policy?.Version, result.Warnings.Count));
    }

    [Fact]
    public void Parse_MissingVersion_WarnsThatVariablesStayLiteral()
    {
        // Arrange
        const string json = """{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}""";

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Equal(PolicyVersion.Missing, result.Policy.Version);
        Assert.Contains(result.Warnings, w => w.Contains("2008-10-17", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_IdElement_IsKept()
    {
        // Arrange
        const string json = """{"Version": "2012-10-17", "Id": "S3-Account-Permissions", "Statement": []}""";

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.Equal("S3-Account-Permissions", result.Policy?.Id);
        Assert.Contains(result.Warnings, w => w.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NotActionAndNotResource_AreMarkedNegated()
    {
        // Arrange
        const string json = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotAction": ["iam:*"], "NotResource": "arn:aws:s3:::secret/*"}}""";

        // Act
        var statement = IamTestKit.Parse(json).Statements[0];

        // Assert
        Assert.Equal((true, true, "arn:aws:s3:::secret/*"), (statement.Actions.IsNegated, statement.Resources!.IsNegated, statement.Resources.Values[0]));
    }

    [Fact]
    public void Parse_PrincipalStar_IsWildcard()
    {
        // Arrange
        const string json = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}}""";

        // Act
        var principals = IamTestKit.Parse(json).Statements[0].Principals;

        // Assert
        Assert.True(principals is { IsWildcard: true, IsNegated: false });
    }

    [Fact]
    public void Parse_PrincipalObject_ReadsEveryKindAndTurnsBareAccountIdsIntoRootArns()
    {
        // Arrange
        const string json = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {
              "AWS": ["123456789012", "arn:aws:iam::444455556666:role/admin"],
              "Service": "ec2.amazonaws.com",
              "Federated": "arn:aws:iam::111122223333:saml-provider/Okta",
              "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}}}
            """;

        // Act
        var principals = IamTestKit.Parse(json).Statements[0].Principals!;

        // Assert
        Assert.Equal(["arn:aws:iam::123456789012:root", "arn:aws:iam::444455556666:role/admin"], principals.Aws);
        Assert.Equal(["ec2.amazonaws.com"], principals.Service);
        Assert.Equal(["arn:aws:iam::111122223333:saml-provider/Okta"], principals.Federated);
        Assert.Single(principals.CanonicalUser);
        Assert.False(principals.IsWildcard);
    }

    [Fact]
    public void Parse_AwsStarPrincipal_IsWildcard()
    {
        // Arrange
        const string json = """{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": "*"}, "Action": "*", "Resource": "*"}}""";

        // Act
        var principals = IamTestKit.Parse(json).Statements[0].Principals!;

        // Assert
        Assert.Equal((true, true), (principals.IsWildcard, principals.IsNegated));
    }

    [Fact]
    public void Parse_TrustPolicyWithoutResource_HasNoResourceListAndNoWarning()
    {
        // Arrange
        const string json = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}}""";

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.Null(result.Policy?.Statements[0].Resources);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_ConditionBlock_ReadsOneEntryPerOperatorAndKeyWithScalarValuesAsText()
    {
        // Arrange
        const string json = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {
              "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["team*", "env"], "aws:CalledVia": "athena.amazonaws.com"},
              "Bool": {"aws:SecureTransport": true},
              "NumericLessThan": {"aws:MultiFactorAuthAge": 3600}}}}
            """;

        // Act
        var conditions = IamTestKit.Parse(json).Statements[0].Conditions;

        // Assert
        Assert.Equal(4, conditions.Count);
        var first = conditions[0];
        Assert.Equal((ConditionOperatorKind.StringLike, SetQualifier.ForAnyValue, true), (first.Operator.Kind, first.Operator.Set, first.Operator.IfExists));
        Assert.Equal(["team*", "env"], first.Values);
        Assert.Equal(["true"], conditions[2].Values);
        Assert.Equal(["3600"], conditions[3].Values);
    }

    [Theory]
    [InlineData("StringEquals")]
    [InlineData("StringNotEquals")]
    [InlineData("StringEqualsIgnoreCase")]
    [InlineData("StringNotEqualsIgnoreCase")]
    [InlineData("StringLike")]
    [InlineData("StringNotLike")]
    [InlineData("ArnEquals")]
    [InlineData("ArnLike")]
    [InlineData("ArnNotEquals")]
    [InlineData("ArnNotLike")]
    [InlineData("ForAllValues:StringEquals")]
    [InlineData("ForAnyValue:StringNotLikeIfExists")]
    public void Parse_EveryStringAndArnOperator_IsAccepted(string op)
    {
        // Arrange
        var json = IamTestKit.Policy(IamTestKit.Allow("*", "*", $$$"""{"{{{op}}}": {"aws:PrincipalArn": "arn:aws:iam::*:role/x"}}"""));

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(op, result.Policy.Statements[0].Conditions[0].Operator.Name);
    }

    [Theory]
    [InlineData("NumericEquals", "10")]
    [InlineData("NumericNotEquals", "10")]
    [InlineData("NumericLessThan", "3600")]
    [InlineData("NumericLessThanEquals", "3600")]
    [InlineData("NumericGreaterThan", "1.5")]
    [InlineData("NumericGreaterThanEqualsIfExists", "0")]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z")]
    [InlineData("DateNotEquals", "2020-01-01")]
    [InlineData("DateLessThan", "1577836800")]
    [InlineData("DateLessThanEquals", "2020-01-01T00:00:00Z")]
    [InlineData("DateGreaterThan", "2020-01-01T00:00:00+02:00")]
    [InlineData("DateGreaterThanEquals", "2020-01-01T00:00:00Z")]
    [InlineData("Bool", "true")]
    [InlineData("BoolIfExists", "FALSE")]
    [InlineData("BinaryEquals", "QmluYXJ5VmFsdWU=")]
    [InlineData("IpAddress", "203.0.113.0/24")]
    [InlineData("NotIpAddress", "2001:db8::/32")]
    [InlineData("IpAddressIfExists", "198.51.100.7")]
    [InlineData("Null", "true")]
    public void Parse_TypedOperatorWithValidValue_IsAccepted(string op, string value)
    {
        // Arrange
        var json = IamTestKit.Policy(IamTestKit.Allow("*", "*", $$$"""{"{{{op}}}": {"some:Key": "{{{value}}}"}}"""));

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.True(result.IsSuccess, result.Error);
    }

    [Theory]
    [InlineData("NumericLessThan", "soon", "'soon' is not a number")]
    [InlineData("DateGreaterThan", "yesterday", "'yesterday' is not a date")]
    [InlineData("Bool", "yes", "'yes' is not true or false")]
    [InlineData("Null", "maybe", "'maybe' is not true or false")]
    [InlineData("BinaryEquals", "not base64!", "is not base64")]
    [InlineData("IpAddress", "10.0.0.0/33", "is not an IPv4 or IPv6 address")]
    [InlineData("IpAddress", "10.1", "is not an IPv4 or IPv6 address")]
    public void Parse_TypedOperatorWithBadValue_IsRejectedNamingTheValue(string op, string value, string expected)
    {
        // Arrange
        var json = IamTestKit.Policy(IamTestKit.Allow("*", "*", $$$"""{"{{{op}}}": {"some:Key": "{{{value}}}"}}"""));

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("Statement[0].Condition", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OperatorInOtherCase_IsAcceptedWithAWarning()
    {
        // Arrange
        var json = IamTestKit.Policy(IamTestKit.Allow("*", "*", """{"stringequals": {"aws:username": "bob"}}"""));

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Contains(result.Warnings, w => w.Contains("'StringEquals'", StringComparison.Ordinal));
    }

    [Fact]
    public void ParseMaybeUrlEncoded_EncodedDocument_IsDecodedFirst()
    {
        // Arrange
        var encoded = Uri.EscapeDataString(IamTestKit.Policy(IamTestKit.Allow("ec2:Describe*")));

        // Act
        var result = PolicyParser.ParseMaybeUrlEncoded(encoded);

        // Assert
        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal("ec2:Describe*", result.Policy.Statements[0].Actions.Values[0]);
    }

    [Fact]
    public void Parse_DocumentWrappedInAJsonString_IsUnwrapped()
    {
        // Arrange: Organizations returns Policy.Content as a JSON string.
        var wrapped = System.Text.Json.JsonSerializer.Serialize(IamTestKit.FullAwsAccess);

        // Act
        var result = PolicyParser.Parse(wrapped);

        // Assert
        Assert.True(result.IsSuccess, result.Error);
    }
}
