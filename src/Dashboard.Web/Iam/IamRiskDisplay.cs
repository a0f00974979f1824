using System.Text.RegularExpressions;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Iam;

namespace Dashboard.Web.Iam;

/// <summary>How risk fields read on the pages, and where a risk's resource links to.</summary>
public static partial class IamRiskDisplay
{
    /// <summary>"PrivilegeEscalation" → "Privilege escalation".</summary>
    public static string Category(RiskCategory category) => Words(category.ToString());

    public static string Status(RiskStatus status) => status switch
    {
        RiskStatus.Fail => "Fail",
        RiskStatus.Conditional => "Only if conditions hold",
        RiskStatus.Mitigated => "Mitigated by SCPs",
        RiskStatus.Error => "Could not evaluate",
        _ => status.ToString(),
    };

    public static MudBlazor.Color StatusColor(RiskStatus status) => status switch
    {
        RiskStatus.Fail => MudBlazor.Color.Error,
        RiskStatus.Conditional => MudBlazor.Color.Warning,
        RiskStatus.Mitigated => MudBlazor.Color.Success,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>The detail page of the root user, users, roles, groups, managed policies and principals; null for account-level resources.</summary>
    public static string? ResourceHref(IamRiskRow risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return risk.ResourceType is RiskResourceType.RootUser or RiskResourceType.User or RiskResourceType.Role or RiskResourceType.Group
            or RiskResourceType.Principal or RiskResourceType.ManagedPolicy
            ? IamLinks.Principal(risk.AccountId, risk.ResourceArn)
            : null;
    }

    /// <summary>The cached explanation as lines (the cache stores the evidence joined by newlines).</summary>
    public static IReadOnlyList<string> ExplanationLines(string? explanation)
        => string.IsNullOrWhiteSpace(explanation) ? [] : [.. explanation.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0)];

    private static string Words(string pascal)
    {
        var spaced = WordBoundary().Replace(pascal, " $1").Trim();
        return spaced.Length == 0 ? spaced : spaced[0] + spaced[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordBoundary();
}
