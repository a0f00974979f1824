using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Tests.Iam;

/// <summary>Every malformed document is rejected with a reason, never an exception.</summary>
public sealed class MalformedPolicyTests
{
    [Theory]
    [InlineData(null, "empty")]
    [InlineData("   ", "empty")]
    [InlineData("{\"Version\": \"2012-10-17\", \"Statement\": [", "invalid JSON at line 1, column 41: ")]
    [InlineData("{\"Statement\": [] // comment\n}", "invalid JSON")]
    [InlineData("[1, 2]", "must be a JSON object, not an array")]
    [InlineData("{\"Version\": \"2012-10-17\"}", "has no 'Statement'")]
    [InlineData("{\"Version\": \"2013-01-01\", \"Statement\": []}", "'Version' is '2013-01-01'")]
    [InlineData("{\"Version\": 2012, \"Statement\": []}", "'Version' must be a string, not the number 2012")]
    [InlineData("{\"Statement\": \"Allow everything\"}", "'Statement' must be an object or an array")]
    [InlineData("{\"Statement\": [42]}", "Statement[0] must be an object, not the number 42")]
    [InlineData("{\"Statemnt\": []}", "unknown element 'Statemnt'")]
    public void Parse_BrokenDocument_FailsWithReason(string? json, string expected)
    {
        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"Statement\": [\n    {\"Sid\": \"Ünïcode\" \"Effect\": \"Allow\"}]}", "invalid JSON at line 3, column 23: '\"' is invalid after a value. Expected either ',', '}', or ']'.")]
    [InlineData("{\"Statement\": [] // comment\n}", "invalid JSON at line 1, column 18: '/' is invalid after a value. Expected either ',', '}', or ']'.")]
    public void Parse_InvalidJson_OnePositionCountedFromOneInCharacters(string json, string expected)
    {
        // Act
        var result = PolicyParser.Parse(json);

        // Assert: not System.Text.Json's 0-based "LineNumber: 2 | BytePositionInLine: 24" (bytes) repeated after the message.
        Assert.Equal(expected, result.Error);
    }

    [Theory]
    [InlineData("\"Effect\": \"allow\", \"Action\": \"*\", \"Resource\": \"*\"", "Statement[0].Effect is 'allow'; it must be exactly 'Allow' or 'Deny'")]
    [InlineData("\"Effect\": \"Permit\", \"Action\": \"*\", \"Resource\": \"*\"", "Statement[0].Effect is 'Permit'")]
    [InlineData("\"Action\": \"*\", \"Resource\": \"*\"", "Statement[0] has no 'Effect'")]
    [InlineData("\"Effect\": \"Allow\", \"Resource\": \"*\"", "Statement[0] has neither 'Action' nor 'NotAction'")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"", "has both 'Action' and 'NotAction'")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"NotResource\": \"*\"", "has both 'Resource' and 'NotResource'")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": 7, \"Resource\": \"*\"", "Statement[0].Action must be a string or an array of strings, not the number 7")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", 7], \"Resource\": \"*\"", "Statement[0].Action[1] must be a string")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": {\"arn\": 1}", "Statement[0].Resource must be a string or an array")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Principal\": \"everyone\"", "Principal must be \"*\" or an object")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Principal\": {\"Users\": \"bob\"}", "unknown element 'Users'")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Principal\": \"*\", \"NotPrincipal\": \"*\"", "has both 'Principal' and 'NotPrincipal'")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": []", "Statement[0].Condition must be an object")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEqualz\": {\"a:b\": \"c\"}}", "unknown condition operator 'StringEqualz'")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"NullIfExists\": {\"a:b\": \"true\"}}", "unknown condition operator 'NullIfExists'")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"ForSomeValues:StringEquals\": {\"a:b\": \"c\"}}", "unknown condition operator")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": \"c\"}", "must map context keys to values")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"a:b\": {\"x\": 1}}}", "must be a string, number or boolean, not an object")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"a:b\": null}}", "must be a string, number or boolean, not null")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Sid\": 3", "'Statement[0].Sid' must be a string")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"a:b\": \"x\"}, \"StringEquals\": {\"a:c\": \"y\"}}", "has the operator 'StringEquals' more than once")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"a:b\": \"x\", \"a:b\": \"y\"}}", "has the key 'a:b' more than once")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Effect\": \"Deny\"", "has 'Effect' more than once")]
    [InlineData("\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Comment\": \"hi\"", "unknown element 'Comment'")]
    public void Parse_BrokenStatement_FailsNamingTheStatementAndProblem(string statementBody, string expected)
    {
        // Arrange
        var json = $$"""{"Version": "2012-10-17", "Statement": [{ {{statementBody}} }]}""";

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ActionWithoutServicePrefix_IsKeptWithAWarning()
    {
        // Arrange
        var json = IamTestKit.Policy(IamTestKit.Allow("GetObject"));

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Contains(result.Warnings, w => w.Contains("no service prefix", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DuplicateSid_IsKeptWithAWarning()
    {
        // Arrange
        var json = IamTestKit.Policy(
            IamTestKit.Statement("Allow", "s3:*", sid: "Same"),
            IamTestKit.Statement("Deny", "s3:Delete*", sid: "Same"));

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Contains(result.Warnings, w => w.Contains("Sid 'Same'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ElementInOtherCase_IsAcceptedWithAWarning()
    {
        // Arrange
        const string json = """{"version": "2012-10-17", "statement": {"effect": "Allow", "action": "*", "resource": "*"}}""";

        // Act
        var result = PolicyParser.Parse(json);

        // Assert
        Assert.True(result.IsSuccess, result.Error);
        Assert.Contains(result.Warnings, w => w.Contains("spells 'Effect' as 'effect'", StringComparison.Ordinal));
    }

    [Fact]
    public void ParseMaybeUrlEncoded_BadEscape_FailsWithReason()
    {
        // Act
        var result = PolicyParser.ParseMaybeUrlEncoded("%7B%22Version%");

        // Assert
        Assert.False(result.IsSuccess);
        Assert.NotNull(result.Error);
    }

    [Theory]
    [InlineData("Action")]
    [InlineData("Sid")]
    [InlineData("Condition")]
    public void Parse_LoneSurrogateEscape_FailsWithReasonInsteadOfThrowing(string where)
    {
        // Arrange: "\ud800" is valid JSON but not valid text; System.Text.Json refuses to read it as a string.
        var statement = where switch
        {
            "Action" => "{\"Effect\": \"Allow\", \"Action\": \"s3:\\ud800\", \"Resource\": \"*\"}",
            "Sid" => "{\"Sid\": \"\\udc00\", \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}",
            _ => "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:username\": \"\\ud800\"}}}",
        };

        // Act
        var result = PolicyParser.Parse(IamTestKit.Policy(statement));

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Contains("not valid text", result.Error, StringComparison.Ordinal);
    }
}
