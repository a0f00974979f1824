using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Iam;
using Dashboard.Web.Iam;

namespace Dashboard.Web.Tests.Iam;

/// <summary>
/// The IAM cache in memory, filtering and paging the way the contract describes, so page tests run on
/// real snapshots without the Data layer. <see cref="Failure"/> makes every call throw.
/// </summary>
internal sealed class FakeIamDataSource : IIamDataSource
{
    public List<IamAccountSnapshot> Snapshots { get; } = [];
    public List<IamRiskRow> Risks { get; } = [];
    public Exception? Failure { get; set; }
    public List<IamRiskFilter> RiskQueries { get; } = [];
    public List<IamPrincipalFilter> PrincipalQueries { get; } = [];

    public FakeIamDataSource With(IamAccountSnapshot snapshot, IEnumerable<IamRiskRow>? risks = null)
    {
        Snapshots.Add(snapshot);
        Risks.AddRange(risks ?? []);
        return this;
    }

    public Task<IReadOnlyList<IamAccountRow>> GetAccountsAsync(CancellationToken ct = default)
        => Answer<IReadOnlyList<IamAccountRow>>(() => [.. Snapshots.Select(s => IamTestData.AccountRow(s))]);

    public Task<IamAccountSnapshot?> GetSnapshotAsync(string accountId, CancellationToken ct = default)
        => Answer(() => Snapshots.FirstOrDefault(s => s.AccountId == accountId));

    public Task<IamPrincipalPage> GetPrincipalsAsync(IamPrincipalFilter filter, int skip, int take, CancellationToken ct = default)
        => Answer(() =>
        {
            PrincipalQueries.Add(filter);
            var rows = Snapshots
                .Where(s => filter.AccountIds.Count == 0 || filter.AccountIds.Contains(s.AccountId))
                .SelectMany(Rows)
                .Where(r => filter.Kinds.Count == 0 || filter.Kinds.Contains(r.Kind))
                .Where(r => filter.Text is null || r.Name.Contains(filter.Text, StringComparison.OrdinalIgnoreCase) || r.Arn.Contains(filter.Text, StringComparison.OrdinalIgnoreCase))
                .Where(r => !filter.OnlyWithRisks || r.RiskCount > 0)
                .ToList();
            rows = Sorted(rows, filter.Sort);
            return new IamPrincipalPage([.. rows.Skip(skip).Take(take)], rows.Count);
        });

    public Task<IamRiskPage> GetRisksAsync(IamRiskFilter filter, int skip, int take, CancellationToken ct = default)
        => Answer(() =>
        {
            RiskQueries.Add(filter);
            var rows = Sorted(Matching(filter).ToList(), filter.Sort);
            return new IamRiskPage([.. rows.Skip(skip).Take(take)], rows.Count);
        });

    public Task<IReadOnlyList<IamRiskCount>> GetRiskCountsAsync(IamRiskFilter filter, CancellationToken ct = default)
        => Answer(() => IamTestData.Counts(Matching(filter)));

    private IEnumerable<IamRiskRow> Matching(IamRiskFilter filter)
    {
        var statuses = filter.Statuses.Count == 0 ? IamRiskFilter.AttentionStatuses : filter.Statuses;
        return Risks
            .Where(r => filter.AccountIds.Count == 0 || filter.AccountIds.Contains(r.AccountId))
            .Where(r => filter.RuleIds.Count == 0 || filter.RuleIds.Contains(r.RuleId))
            .Where(r => filter.Severities.Count == 0 || filter.Severities.Contains(r.Severity))
            .Where(r => filter.Categories.Count == 0 || filter.Categories.Contains(r.Category))
            .Where(r => statuses.Contains(r.Status))
            .Where(r => filter.ResourceArn is null || r.ResourceArn == filter.ResourceArn)
            .Where(r => filter.Text is null || r.ResourceName.Contains(filter.Text, StringComparison.OrdinalIgnoreCase) || r.Message.Contains(filter.Text, StringComparison.OrdinalIgnoreCase));
    }

    private IEnumerable<IamPrincipalRow> Rows(IamAccountSnapshot s)
    {
        int RiskCount(string arn) => Risks.Count(r => r.ResourceArn == arn && r.Status is RiskStatus.Fail or RiskStatus.Conditional);
        Dashboard.Core.Findings.Severity? Highest(string arn) => Risks.Where(r => r.ResourceArn == arn).Select(r => (Dashboard.Core.Findings.Severity?)r.Severity).Max();
        foreach (var u in s.Users) yield return new IamPrincipalRow(s.AccountId, u.Arn, IamPrincipalKind.User, u.UserName, u.Path, u.CreateDate, null, RiskCount(u.Arn), Highest(u.Arn));
        foreach (var r in s.Roles) yield return new IamPrincipalRow(s.AccountId, r.Arn, IamPrincipalKind.Role, r.RoleName, r.Path, r.CreateDate, r.LastUsed?.LastUsedDate, RiskCount(r.Arn), Highest(r.Arn));
        foreach (var g in s.Groups) yield return new IamPrincipalRow(s.AccountId, g.Arn, IamPrincipalKind.Group, g.GroupName, g.Path, g.CreateDate, null, 0, null);
        foreach (var p in s.ManagedPolicies) yield return new IamPrincipalRow(s.AccountId, p.Arn, IamPrincipalKind.ManagedPolicy, p.PolicyName, p.Path, p.CreateDate, null, 0, null);
    }

    /// <summary>The cache's orders (IamSorting), in memory; ties keep the name / severity order.</summary>
    private static List<IamPrincipalRow> Sorted(List<IamPrincipalRow> rows, IamSort<IamPrincipalSortField>? sort)
    {
        var byName = rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.AccountId, StringComparer.Ordinal).ToList();
        Func<IamPrincipalRow, object?> key = sort?.Field switch
        {
            IamPrincipalSortField.Account => r => r.AccountId,
            IamPrincipalSortField.Kind => r => r.Kind,
            IamPrincipalSortField.Created => r => r.CreateDate,
            IamPrincipalSortField.LastUsed => r => r.LastUsed,
            IamPrincipalSortField.RiskCount => r => r.RiskCount,
            IamPrincipalSortField.Severity => r => r.HighestRiskSeverity,
            _ => r => r.Name,
        };
        return sort is null ? byName : [.. sort.Descending ? byName.OrderByDescending(key) : byName.OrderBy(key)];
    }

    private static List<IamRiskRow> Sorted(List<IamRiskRow> rows, IamSort<IamRiskSortField>? sort)
    {
        var bySeverity = rows.OrderByDescending(r => r.Severity).ThenBy(r => r.RuleId, StringComparer.Ordinal).ThenBy(r => r.ResourceArn, StringComparer.Ordinal).ToList();
        Func<IamRiskRow, object?> key = sort?.Field switch
        {
            IamRiskSortField.Check => r => r.Title,
            IamRiskSortField.Resource => r => r.ResourceName,
            IamRiskSortField.Account => r => r.AccountId,
            _ => r => r.Severity,
        };
        return sort is null ? bySeverity : [.. sort.Descending ? bySeverity.OrderByDescending(key) : bySeverity.OrderBy(key)];
    }

    private Task<T> Answer<T>(Func<T> answer) => Failure is { } failure ? Task.FromException<T>(failure) : Task.FromResult(answer());
}
