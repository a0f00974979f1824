using Bunit;
using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Iam;
using Dashboard.Web.Components.Iam;
using Dashboard.Web.Iam;

namespace Dashboard.Web.Tests.Iam;

/// <summary>The grids' server-side sort (in the URL), the rules' "why it matters", and where results on groups link.</summary>
public sealed class IamSortAndRuleInfoTests : IamUiTest
{
    private void SeedExample() => Iam.With(IamTestData.Example, IamTestData.Risks);

    [Theory]
    [InlineData("risks", null, IamPrincipalSortField.RiskCount, true)]
    [InlineData("name", null, IamPrincipalSortField.Name, false)]
    [InlineData("LAST-USED", "asc", IamPrincipalSortField.LastUsed, false)]
    [InlineData("severity", "DESC", IamPrincipalSortField.Severity, true)]
    public void ParsePrincipalFilter_KnownSort_ReadsFieldAndDirection(string sort, string? dir, IamPrincipalSortField field, bool descending)
    {
        // Act
        var parsed = IamLinks.ParsePrincipalFilter(null, null, null, null, sort, dir);

        // Assert
        Assert.Empty(parsed.Warnings);
        Assert.Equal(new IamSort<IamPrincipalSortField>(field, descending), parsed.Filter.Sort);
    }

    [Theory]
    [InlineData("name; DROP TABLE IamPrincipals", null, "sort 'name; DROP TABLE IamPrincipals' is not one of")]
    [InlineData("RiskCount", null, "sort 'RiskCount' is not one of")]
    [InlineData("2", null, "sort '2' is not one of")]
    [InlineData(null, "desc", "dir 'desc' needs a sort")]
    public void ParsePrincipalFilter_CraftedSort_WarnsAndKeepsTheDefaultOrder(string? sort, string? dir, string warning)
    {
        // Act
        var parsed = IamLinks.ParsePrincipalFilter(null, null, null, null, sort, dir);

        // Assert
        Assert.Null(parsed.Filter.Sort);
        Assert.StartsWith(warning, Assert.Single(parsed.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRiskFilter_BadDirection_WarnsAndTakesTheFieldsNaturalDirection()
    {
        // Act
        var parsed = IamLinks.ParseRiskFilter(null, null, null, null, null, null, null, "severity", "sideways");

        // Assert
        Assert.Equal(new IamSort<IamRiskSortField>(IamRiskSortField.Severity, true), parsed.Filter.Sort);
        Assert.Equal("dir 'sideways' is not asc or desc", Assert.Single(parsed.Warnings));
    }

    [Fact]
    public void Overview_SortedFilter_RoundTripsThroughTheUrl()
    {
        // Arrange
        var filter = new IamPrincipalFilter { Kinds = [IamPrincipalKind.Role], Sort = new IamSort<IamPrincipalSortField>(IamPrincipalSortField.LastUsed, false) };

        // Act
        var url = IamLinks.Overview(filter);
        var parsed = IamLinks.ParsePrincipalFilter(null, ["Role"], null, null, "last-used", "asc");

        // Assert
        Assert.Equal("/iam?kind=Role&sort=last-used&dir=asc", url);
        Assert.Equal(filter.Sort, parsed.Filter.Sort);
        Assert.Equal(url, IamLinks.Overview(parsed.Filter));
        Assert.NotEqual(IamLinks.Key(filter), IamLinks.Key(filter with { Sort = null }));
    }

    [Fact]
    public void IamPage_SortInUrl_AsksTheCacheForItAndHeadersFlipIt()
    {
        // Arrange
        SeedExample();

        // Act
        var cut = RenderAt<IamPage>("/iam?sort=risks&dir=desc");

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=principals-grid] tbody tr a[href^='/iam/principal']")));
        Assert.Equal(new IamSort<IamPrincipalSortField>(IamPrincipalSortField.RiskCount, true), Iam.PrincipalQueries[^1].Sort);
        var risks = cut.Find("[data-testid=sort-risks]");
        Assert.Equal("desc", risks.GetAttribute("data-sorted"));
        Assert.Equal("/iam?sort=risks&dir=asc", risks.GetAttribute("href"));
        // Another column starts in its natural direction: names A to Z, last use newest first.
        Assert.Equal("/iam?sort=name&dir=asc", cut.Find("[data-testid=sort-name]").GetAttribute("href"));
        Assert.Equal("/iam?sort=last-used&dir=desc", cut.Find("[data-testid=sort-last-used]").GetAttribute("href"));
        Assert.Null(cut.Find("[data-testid=sort-name]").GetAttribute("data-sorted"));
        var most = IamTestData.Risks.Where(r => r.Status is RiskStatus.Fail or RiskStatus.Conditional).GroupBy(r => r.ResourceArn).Max(g => g.Count());
        var first = cut.Find("[data-testid=principals-grid] tbody tr a[href^='/iam/principal']").GetAttribute("href")!;
        Assert.Contains(IamTestData.Risks.Where(r => r.Status is RiskStatus.Fail or RiskStatus.Conditional).GroupBy(r => r.ResourceArn).Where(g => g.Count() == most),
            g => first.EndsWith(Uri.EscapeDataString(g.Key), StringComparison.Ordinal));
    }

    [Fact]
    public void IamPage_UnknownSortInUrl_WarnsAndListsByName()
    {
        // Arrange
        SeedExample();

        // Act
        var cut = RenderAt<IamPage>("/iam?sort=%27%3B--&dir=up");

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=principals-grid] tbody tr a[href^='/iam/principal']")));
        Assert.Contains("sort '';--' is not one of", cut.Find("[data-testid=filter-warnings]").TextContent, StringComparison.Ordinal);
        Assert.Null(Iam.PrincipalQueries[^1].Sort);
        Assert.Equal("asc", cut.Find("[data-testid=sort-name]").GetAttribute("data-sorted"));
    }

    [Fact]
    public void RisksPage_SortInUrl_KeepsTheFilterInTheHeaderLinks()
    {
        // Arrange
        SeedExample();

        // Act
        var cut = RenderAt<IamRisksPage>("/iam/risks?severity=High&sort=resource");

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=risks-grid] tbody tr a")));
        Assert.Equal(new IamSort<IamRiskSortField>(IamRiskSortField.Resource, false), Iam.RiskQueries[^1].Sort);
        Assert.Equal("/iam/risks?severity=High&sort=resource&dir=desc", cut.Find("[data-testid=sort-resource]").GetAttribute("href"));
        Assert.Equal("/iam/risks?severity=High&sort=severity&dir=desc", cut.Find("[data-testid=sort-severity]").GetAttribute("href"));
        var names = cut.FindAll("[data-testid=risks-grid] tbody tr a[href^='/iam/principal']").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(names.Order(StringComparer.CurrentCulture), names);
    }

    [Fact]
    public void RisksPage_OneRule_ShowsWhyItMattersAndRemediationAboveItsResults()
    {
        // Arrange
        SeedExample();
        var rule = IamTestData.Rule("iam_principal_no_privilege_escalation")!;

        // Act
        var cut = RenderAt<IamRisksPage>("/iam/risks?rule=iam_principal_no_privilege_escalation");

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(rule.Risk, cut.Find("[data-testid=rule-why]").TextContent, StringComparison.Ordinal));
        Assert.Contains(rule.Remediation, cut.Find("[data-testid=rule-remediation]").TextContent, StringComparison.Ordinal);
        Assert.Contains(rule.Title, cut.Find("[data-testid=rule-info]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RisksPage_SeveralRules_ShowsNoRuleCard()
    {
        // Arrange
        SeedExample();

        // Act
        var cut = RenderAt<IamRisksPage>("/iam/risks?rule=iam_principal_no_privilege_escalation&rule=iam_principal_not_admin_equivalent");

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=risks-grid] tbody tr")));
        Assert.Empty(cut.FindAll("[data-testid=rule-info]"));
    }

    [Fact]
    public void RisksPage_ExpandRow_SaysWhyTheRuleMatters()
    {
        // Arrange
        SeedExample();
        var rule = IamTestData.Rule("iam_principal_no_privilege_escalation")!;
        var cut = RenderAt<IamRisksPage>("/iam/risks?rule=iam_principal_no_privilege_escalation&q=privesc4-CreateAccessKey-role");
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=risks-grid] tbody tr a[href^='/iam/principal']")));

        // Act
        cut.Find("[data-testid=risks-grid] tbody tr button").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Why it matters" + rule.Risk, cut.Find("[data-testid=risk-explanation]").TextContent.Replace("\n", "", StringComparison.Ordinal).Replace("  ", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void OverviewViewModel_RuleCounts_CarryWhyTheRuleMatters()
    {
        // Act
        var model = IamOverviewViewModel.Build([IamTestData.AccountRow(IamTestData.Example)], IamTestData.Counts(IamTestData.Risks), []);

        // Assert
        Assert.All(model.ByRule, r => Assert.Equal(IamTestData.Rule(r.RuleId)?.Risk, r.WhyItMatters));
        Assert.Contains(model.ByRule, r => r.WhyItMatters is { Length: > 0 });
    }

    [Theory]
    [InlineData(RiskResourceType.Group, true)]
    [InlineData(RiskResourceType.RootUser, true)]
    [InlineData(RiskResourceType.Role, true)]
    [InlineData(RiskResourceType.Account, false)]
    [InlineData(RiskResourceType.PasswordPolicy, false)]
    public void ResourceHref_ByResourceType_LinksEntitiesThePrincipalPageShows(RiskResourceType type, bool linked)
    {
        // Arrange
        const string arn = "arn:aws:iam::200611803367:group/admins";
        var risk = new IamRiskRow(1, IamTestData.AccountId, "rule", "Title", Severity.High, RiskCategory.PolicyHygiene, RiskStatus.Fail,
            arn, "admins", type, "message", "fix", [], null);

        // Act
        var href = IamRiskDisplay.ResourceHref(risk);

        // Assert
        Assert.Equal(linked ? IamLinks.Principal(IamTestData.AccountId, arn) : null, href);
    }

    [Fact]
    public void PrincipalPage_GroupFromARiskLink_OpensTheGroup()
    {
        // Arrange
        SeedExample();
        var group = IamTestData.Example.Groups[0];
        var risk = new IamRiskRow(1, IamTestData.AccountId, "rule", "Title", Severity.High, RiskCategory.PolicyHygiene, RiskStatus.Fail,
            group.Arn, group.GroupName, RiskResourceType.Group, "message", "fix", [], null);

        // Act
        var cut = RenderAt<Dashboard.Web.Components.Iam.IamPrincipalPage>(IamRiskDisplay.ResourceHref(risk)!);

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(group.GroupName, cut.Find("[data-testid=principal-name]").TextContent.Trim()));
    }
}
