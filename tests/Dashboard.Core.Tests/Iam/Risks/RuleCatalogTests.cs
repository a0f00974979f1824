using System.Text.RegularExpressions;
using Dashboard.Core.Iam.Risks;

namespace Dashboard.Core.Tests.Iam.Risks;

/// <summary>Prowler's habit: one reflection test keeps rule ids unique and metadata complete.</summary>
public sealed partial class RuleCatalogTests
{
    private static readonly IReadOnlyList<IamRiskRule> Rules = IamRiskRules.All();

    [Fact]
    public void All_EveryConcreteRuleClass_IsInTheRuleSetOnce()
    {
        // Arrange
        var declared = typeof(IamRiskRule).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IamRiskRule).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

        // Act
        var registered = Rules.Select(r => r.GetType()).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

        // Assert
        Assert.Equal(declared, registered);
    }

    [Fact]
    public void All_RuleIds_UniqueAndSnakeCase()
    {
        // Arrange, Act
        var ids = Rules.Select(r => r.Metadata.Id).ToList();

        // Assert
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches(RuleId(), id));
    }

    [Fact]
    public void All_Metadata_CompleteAndWorded()
    {
        // Arrange, Act, Assert
        Assert.All(Rules, rule =>
        {
            var m = rule.Metadata;
            Assert.False(string.IsNullOrWhiteSpace(m.Title), $"{m.Id}: title");
            Assert.False(m.Title.EndsWith('.'), $"{m.Id}: titles carry no full stop");
            Assert.True(m.Risk.Length > 30 && m.Risk.EndsWith('.'), $"{m.Id}: risk must be a sentence");
            Assert.True(m.Remediation.Length > 30 && m.Remediation.EndsWith('.'), $"{m.Id}: remediation must be a sentence");
            Assert.True(Enum.IsDefined(m.Severity), $"{m.Id}: severity");
            Assert.True(Enum.IsDefined(m.Category), $"{m.Id}: category");
            Assert.Same(m, rule.Metadata);
        });
    }

    [Fact]
    public void All_PrincipalRules_AreAboutPrincipalsOrRoles()
    {
        // Arrange, Act
        var kinds = Rules.OfType<PrincipalRiskRule>().Select(r => r.Metadata.ResourceType).Distinct().ToList();

        // Assert
        Assert.All(kinds, k => Assert.Contains(k, new[] { RiskResourceType.Principal, RiskResourceType.Role, RiskResourceType.User }));
    }

    [GeneratedRegex("^iam_[a-z0-9]+(_[a-z0-9]+)+$")]
    private static partial Regex RuleId();
}
