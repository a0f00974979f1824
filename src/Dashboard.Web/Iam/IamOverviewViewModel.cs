using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Iam;

namespace Dashboard.Web.Iam;

/// <summary>
/// One cached account on the IAM page, with the links that open its views. <see cref="FailingRisks"/> counts
/// the account's results with status Fail (the cache's <see cref="IamAccountRow.FailedRisks"/>), not rules
/// that could not be evaluated.
/// </summary>
public sealed record IamAccountView(
    string AccountId,
    DateTimeOffset CollectedAt,
    string Source,
    long? SyncRunId,
    int Users,
    int Roles,
    int Groups,
    int ManagedPolicies,
    int FailingRisks,
    IReadOnlyList<string> Warnings,
    bool IsSelected,
    string FilterHref,
    string RisksHref,
    string FailingRisksHref,
    string TrustHref,
    string CanHref,
    string? Name = null);

/// <summary>Risks of one severity, linking to exactly those risks.</summary>
public sealed record IamSeverityCount(Severity Severity, int Count, string Href);

/// <summary>One rule's count, linking to its risks, with why the rule matters (null for a rule this version no longer has).</summary>
public sealed record IamRuleCount(string RuleId, string Title, Severity Severity, string Category, int Count, int Accounts, string Href, string? WhyItMatters = null);

/// <summary>The IAM page's accounts list and risks summary, built without rendering so tests can check it.</summary>
public sealed class IamOverviewViewModel
{
    private IamOverviewViewModel(
        IReadOnlyList<IamAccountView> accounts,
        IReadOnlyList<IamSeverityCount> bySeverity,
        IReadOnlyList<IamRuleCount> byRule,
        IReadOnlyList<string> accountFilter)
    {
        Accounts = accounts;
        BySeverity = bySeverity;
        ByRule = byRule;
        AccountFilter = accountFilter;
    }

    public IReadOnlyList<IamAccountView> Accounts { get; }

    /// <summary>Most severe first; severities without risks are left out.</summary>
    public IReadOnlyList<IamSeverityCount> BySeverity { get; }

    /// <summary>Most severe first, then the most frequent.</summary>
    public IReadOnlyList<IamRuleCount> ByRule { get; }

    /// <summary>The accounts the page is filtered to (empty: all).</summary>
    public IReadOnlyList<string> AccountFilter { get; }

    public int TotalRisks => BySeverity.Sum(s => s.Count);

    public IReadOnlyList<string> AccountIds => [.. Accounts.Select(a => a.AccountId)];

    /// <summary>The risks list with the page's account filter (the "all risks" link).</summary>
    public string AllRisksHref => IamLinks.Risks(new IamRiskFilter { AccountIds = AccountFilter });

    /// <param name="accountNames">Account names from the cached organization, when one is loaded: ids alone are hard to tell apart.</param>
    public static IamOverviewViewModel Build(
        IReadOnlyList<IamAccountRow> accounts, IReadOnlyList<IamRiskCount> riskCounts, IReadOnlyList<string> accountFilter,
        IReadOnlyDictionary<string, string>? accountNames = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(riskCounts);
        ArgumentNullException.ThrowIfNull(accountFilter);
        var views = accounts
            .OrderBy(a => a.AccountId, StringComparer.Ordinal)
            .Select(a => new IamAccountView(
                a.AccountId,
                a.CollectedAt,
                a.Source,
                a.SyncRunId,
                a.Users,
                a.Roles,
                a.Groups,
                a.ManagedPolicies,
                a.FailedRisks,
                a.Warnings,
                accountFilter.Contains(a.AccountId, StringComparer.Ordinal),
                IamLinks.Overview(new IamPrincipalFilter { AccountIds = [a.AccountId] }),
                IamLinks.Risks(new IamRiskFilter { AccountIds = [a.AccountId] }),
                IamLinks.Risks(new IamRiskFilter { AccountIds = [a.AccountId], Statuses = [RiskStatus.Fail] }),
                IamLinks.Trust(a.AccountId),
                IamLinks.Can(a.AccountId),
                accountNames?.GetValueOrDefault(a.AccountId)))
            .ToList();

        var bySeverity = riskCounts
            .GroupBy(c => c.Severity)
            .OrderByDescending(g => g.Key)
            .Select(g => new IamSeverityCount(g.Key, g.Sum(c => c.Count), IamLinks.Risks(new IamRiskFilter { AccountIds = accountFilter, Severities = [g.Key] })))
            .Where(s => s.Count > 0)
            .ToList();

        var byRule = riskCounts
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Severity)
            .ThenByDescending(c => c.Count)
            .ThenBy(c => c.RuleId, StringComparer.Ordinal)
            .Select(c => new IamRuleCount(
                c.RuleId,
                c.Title,
                c.Severity,
                IamRiskDisplay.Category(c.Category),
                c.Count,
                c.Accounts,
                IamLinks.Risks(new IamRiskFilter { AccountIds = accountFilter, RuleIds = [c.RuleId] }),
                c.WhyItMatters))
            .ToList();

        return new IamOverviewViewModel(views, bySeverity, byRule, accountFilter);
    }
}
