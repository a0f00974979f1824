using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Tests.Iam;

public sealed class ContextValueCheckTests
{
    private static ContextKeys Parse(params string[] assignments)
    {
        Assert.True(ContextKeys.TryParseAssignments(assignments, out var keys, out var error), error);
        return keys;
    }

    [Theory]
    [InlineData("aws:MultiFactorAuthPresent=true")]
    [InlineData("aws:MultiFactorAuthPresent=FALSE")]
    [InlineData("aws:SourceIp=203.0.113.7")]
    [InlineData("aws:SourceIp=2001:db8::1")]
    [InlineData("aws:CurrentTime=2025-01-31T12:00:00Z")]
    [InlineData("aws:EpochTime=1738324800")]
    [InlineData("aws:MultiFactorAuthAge=3600")]
    [InlineData("aws:PrincipalTag/team=red")]
    [InlineData("s3:prefix=home/")]
    [InlineData("aws:SourceIp=")]
    public void Check_WellTypedValue_IsAccepted(string assignment)
    {
        Assert.Null(ContextValueCheck.Check(Parse(assignment)));
    }

    [Theory]
    [InlineData("aws:MultiFactorAuthPresent=yes", "not true or false")]
    [InlineData("aws:SecureTransport=1", "not true or false")]
    [InlineData("aws:SourceIp=10.0.0.0/8", "not one IP address")]
    [InlineData("aws:SourceIp=10.0.0", "not one IP address")]
    [InlineData("aws:CurrentTime=yesterday", "not a date and time")]
    [InlineData("aws:MultiFactorAuthAge=an hour", "not a number")]
    [InlineData("SourceIp=10.0.0.1", "not prefix:name")]
    [InlineData("aws:=x", "not prefix:name")]
    public void Check_WrongType_NamesTheKeyAndTheExpectedType(string assignment, string expected)
    {
        var error = ContextValueCheck.Check(Parse(assignment));

        Assert.NotNull(error);
        Assert.Contains(expected, error);
        Assert.Contains(assignment.Split('=')[0], error);
    }

    [Fact]
    public void Check_SingleValuedKeyTwice_IsRefusedButAMultivaluedKeyIsNot()
    {
        Assert.Contains("takes one value", ContextValueCheck.Check(Parse("aws:SourceIp=10.0.0.1", "aws:SourceIp=10.0.0.2")));
        Assert.Null(ContextValueCheck.Check(Parse("aws:TagKeys=team", "aws:TagKeys=cost-center")));
    }
}
