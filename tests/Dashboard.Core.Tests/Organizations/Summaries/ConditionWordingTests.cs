using Dashboard.Core.Iam.Policies;
using Dashboard.Core.Organizations.Summaries;

namespace Dashboard.Core.Tests.Organizations.Summaries;

public sealed class ConditionWordingTests
{
    [Theory]
    [InlineData("ArnNotLike", "aws:PrincipalArn", "arn:aws:iam::*:role/Admin", true, "aws:PrincipalArn is not like arn:aws:iam::*:role/Admin", "aws:PrincipalArn is like arn:aws:iam::*:role/Admin")]
    [InlineData("StringNotEquals", "aws:PrincipalTag/team", "security", true, "aws:PrincipalTag/team is not security", "aws:PrincipalTag/team is security")]
    [InlineData("StringNotEquals", "aws:RequestedRegion", "eu-west-1", false, "aws:RequestedRegion is not eu-west-1", "aws:RequestedRegion is eu-west-1")]
    [InlineData("ArnLike", "aws:PrincipalArn", "arn:aws:iam::*:root", false, "aws:PrincipalArn is like arn:aws:iam::*:root", "aws:PrincipalArn is like arn:aws:iam::*:root")]
    [InlineData("NotIpAddress", "aws:SourceIp", "192.0.2.0/24", false, "aws:SourceIp is not in 192.0.2.0/24", "aws:SourceIp is in 192.0.2.0/24")]
    [InlineData("Null", "aws:PrincipalTag/team", "true", false, "aws:PrincipalTag/team is absent", "aws:PrincipalTag/team is absent")]
    [InlineData("ForAnyValue:StringLike", "aws:TagKeys", "secret*", false, "any value of aws:TagKeys is like secret*", "any value of aws:TagKeys is like secret*")]
    public void Wording_Conditions_ReadAsPlainLanguage(string op, string key, string value, bool exemption, string when, string unless)
    {
        // Arrange
        var condition = Condition(op, key, value);

        // Act
        var words = (ConditionWording.IsExemption(condition), ConditionWording.When(condition), ConditionWording.Unless(condition));

        // Assert
        Assert.Equal((exemption, when, unless), words);
    }

    [Fact]
    public void List_MoreThanTheMaximum_CountsTheRest()
    {
        // Act
        var text = ConditionWording.List(["a", "b", "c", "d"], "or", max: 2);

        // Assert
        Assert.Equal("a, b and 2 more", text);
        Assert.Equal("a, b or c", ConditionWording.List(["a", "b", "c"], "or"));
    }

    private static PolicyCondition Condition(string op, string key, string value)
    {
        var parsed = PolicyParser.Parse(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"""
            + $"\"{op}\":{{\"{key}\":\"{value}\"}}"
            + "}}]}");
        Assert.True(parsed.IsSuccess, parsed.Error);
        return Assert.Single(parsed.Policy.Statements[0].Conditions);
    }
}
