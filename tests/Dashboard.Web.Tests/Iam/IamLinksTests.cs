using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Iam;
using Dashboard.Web.Iam;

namespace Dashboard.Web.Tests.Iam;

public sealed class IamLinksTests
{
    [Fact]
    public void ParsePrincipalFilter_ValuesFromOverviewLink_RoundTrip()
    {
        // Arrange
        var filter = new IamPrincipalFilter { AccountIds = ["111111111111"], Kinds = [IamPrincipalKind.Role, IamPrincipalKind.User], Text = "a&b c", OnlyWithRisks = true };

        // Act
        var url = IamLinks.Overview(filter);
        var parsed = IamLinks.ParsePrincipalFilter(["111111111111"], ["Role", "User"], "a&b c", "true");

        // Assert
        Assert.Equal("/iam?account=111111111111&kind=Role&kind=User&q=a%26b%20c&risky=true", url);
        Assert.Empty(parsed.Warnings);
        Assert.Equal(url, IamLinks.Overview(parsed.Filter));
    }

    [Fact]
    public void ParsePrincipalFilter_BadValues_IgnoredWithWarnings()
    {
        // Act
        var parsed = IamLinks.ParsePrincipalFilter(["12345", "111111111111", "111111111111"], ["Robot", "2", "group"], null, "maybe");

        // Assert
        Assert.Equal(["111111111111"], parsed.Filter.AccountIds);
        Assert.Equal([IamPrincipalKind.Group], parsed.Filter.Kinds);
        Assert.False(parsed.Filter.OnlyWithRisks);
        Assert.Equal(
            [
                "account '12345' is not a 12-digit AWS account id",
                "kind 'Robot' is not one of User, Role, Group, ManagedPolicy",
                "kind '2' is not one of User, Role, Group, ManagedPolicy",
                "risky 'maybe' is not true or false",
            ],
            parsed.Warnings);
    }

    [Fact]
    public void ParseRiskFilter_EnumsAndArn_ParsedAndRoundTrip()
    {
        // Act
        var parsed = IamLinks.ParseRiskFilter(["111111111111"], ["rule_a"], ["critical"], ["PrivilegeEscalation"], ["Mitigated", "bogus"], "arn:aws:iam::111111111111:role/x", null);

        // Assert
        Assert.Equal([Severity.Critical], parsed.Filter.Severities);
        Assert.Equal([RiskCategory.PrivilegeEscalation], parsed.Filter.Categories);
        Assert.Equal([RiskStatus.Mitigated], parsed.Filter.Statuses);
        Assert.Equal(["status 'bogus' is not one of Fail, Conditional, Mitigated, Error"], parsed.Warnings);
        Assert.Equal(
            "/iam/risks?account=111111111111&rule=rule_a&severity=Critical&category=PrivilegeEscalation&status=Mitigated&arn=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2Fx",
            IamLinks.Risks(parsed.Filter));
    }

    [Fact]
    public void Can_AllInputs_EscapedInTheQuery()
    {
        // Act
        var url = IamLinks.Can("111111111111", "arn:aws:iam::111111111111:role/a", "s3:GetObject", "*", ["aws:SourceIp=10.0.0.1"], whoCan: true);

        // Assert
        Assert.Equal("/iam/can?account=111111111111&principal=arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2Fa&action=s3%3AGetObject&resource=%2A&ctx=aws%3ASourceIp%3D10.0.0.1&tab=who", url);
    }
}
