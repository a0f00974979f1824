using System.Linq.Expressions;
using Dashboard.Core.Findings;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Findings;

/// <summary>Turns a <see cref="FindingFilter"/> into SQL over the findings table and over the summary table.</summary>
internal static class FindingFilterSql
{
    internal const string Active = "ACTIVE";
    private const char LikeEscape = '\\';

    /// <summary>True when the summary table can answer the count (it has no text, resource type or control columns).</summary>
    public static bool CountableFromSummary(FindingFilter filter)
        => string.IsNullOrWhiteSpace(filter.Text) && filter.ResourceTypes.Count == 0 && filter.ControlIds.Count == 0;

    public static IQueryable<FindingEntity> Where(IQueryable<FindingEntity> q, FindingFilter filter)
    {
        if (RecordStates(filter) is { } states) q = q.Where(f => states.Contains(f.RecordState));
        if (filter.Severities.Count > 0)
        {
            var ranks = filter.Severities.Select(s => (int)s).Distinct().ToList();
            q = q.Where(f => ranks.Contains(f.SeverityRank));
        }
        if (List(filter.AccountIds) is { } accounts) q = q.Where(f => accounts.Contains(f.AwsAccountId));
        if (List(filter.Regions) is { } regions) q = q.Where(f => regions.Contains(f.Region));
        if (List(filter.ProductNames) is { } products) q = q.Where(f => products.Contains(f.ProductName));
        if (List(filter.WorkflowStatuses) is { } workflows) q = q.Where(f => workflows.Contains(f.WorkflowStatus));
        if (List(filter.ComplianceStatuses) is { } compliance) q = q.Where(f => compliance.Contains(f.ComplianceStatus!));
        if (List(filter.ResourceTypes) is { } types) q = q.Where(f => types.Contains(f.ResourceType!));
        if (List(filter.ControlIds) is { } controls) q = q.Where(f => controls.Contains(f.ControlId!));
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = ContainsPattern(filter.Text.Trim());
            // SQLite's LIKE is case-insensitive for ASCII letters, which is what titles and ARNs use.
            q = q.Where(f => EF.Functions.Like(f.Title, pattern, LikeEscape.ToString())
                || EF.Functions.Like(f.ResourceId!, pattern, LikeEscape.ToString()));
        }
        return q;
    }

    public static IQueryable<FindingCountEntity> Where(IQueryable<FindingCountEntity> q, FindingFilter filter)
    {
        if (RecordStates(filter) is { } states) q = q.Where(c => states.Contains(c.RecordState));
        if (filter.Severities.Count > 0)
        {
            var ranks = filter.Severities.Select(s => (int)s).Distinct().ToList();
            q = q.Where(c => ranks.Contains(c.SeverityRank));
        }
        if (List(filter.AccountIds) is { } accounts) q = q.Where(c => accounts.Contains(c.AwsAccountId));
        if (List(filter.Regions) is { } regions) q = q.Where(c => regions.Contains(c.Region));
        if (List(filter.ProductNames) is { } products) q = q.Where(c => products.Contains(c.ProductName));
        if (List(filter.WorkflowStatuses) is { } workflows) q = q.Where(c => workflows.Contains(c.WorkflowStatus));
        if (List(filter.ComplianceStatuses) is { } compliance) q = q.Where(c => compliance.Contains(c.ComplianceStatus));
        return q;
    }

    /// <summary>
    /// Sorted by the chosen field, then (for the text columns) by severity, then by Key, all in the
    /// same direction: exactly the order of the matching index (see FindingEntityConfiguration), so
    /// SQLite reads the first page straight from it. Key is the order findings first reached the
    /// cache, so "most severe first" shows the newest of each severity first.
    /// </summary>
    public static IOrderedQueryable<FindingEntity> OrderBy(IQueryable<FindingEntity> q, FindingSortField field, bool descending)
    {
        var ordered = field switch
        {
            FindingSortField.Severity => Order(q, f => f.SeverityRank, descending),
            FindingSortField.UpdatedAt => Order(q, f => f.UpdatedAtTicks, descending),
            FindingSortField.CreatedAt => Order(q, f => f.CreatedAtTicks, descending),
            FindingSortField.Title => ThenSeverity(Order(q, f => f.Title, descending), descending),
            FindingSortField.AccountId => ThenSeverity(Order(q, f => f.AwsAccountId, descending), descending),
            FindingSortField.Region => ThenSeverity(Order(q, f => f.Region, descending), descending),
            FindingSortField.ProductName => ThenSeverity(Order(q, f => f.ProductName, descending), descending),
            FindingSortField.ControlId => ThenSeverity(Order(q, f => f.ControlId, descending), descending),
            FindingSortField.WorkflowStatus => ThenSeverity(Order(q, f => f.WorkflowStatus, descending), descending),
            FindingSortField.ComplianceStatus => ThenSeverity(Order(q, f => f.ComplianceStatus, descending), descending),
            FindingSortField.ResourceType => ThenSeverity(Order(q, f => f.ResourceType, descending), descending),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, $"Unknown sort field {field}."),
        };
        return descending ? ordered.ThenByDescending(f => f.Key) : ordered.ThenBy(f => f.Key);
    }

    private static IOrderedQueryable<FindingEntity> ThenSeverity(IOrderedQueryable<FindingEntity> q, bool descending)
        => descending ? q.ThenByDescending(f => f.SeverityRank) : q.ThenBy(f => f.SeverityRank);

    private static IOrderedQueryable<FindingEntity> Order<T>(IQueryable<FindingEntity> q, Expression<Func<FindingEntity, T>> key, bool descending)
        => descending ? q.OrderByDescending(key) : q.OrderBy(key);

    /// <summary>Empty means ACTIVE only, unless archived findings are asked for (then no condition).</summary>
    private static List<string>? RecordStates(FindingFilter filter)
        => List(filter.RecordStates) ?? (filter.IncludeArchived ? null : [Active]);

    private static List<string>? List(IReadOnlyList<string> values)
    {
        var list = values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : list;
    }

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, with %, _ and the escape taken literally.</summary>
    internal static string ContainsPattern(string text)
    {
        var escaped = text
            .Replace(LikeEscape.ToString(), $"{LikeEscape}{LikeEscape}", StringComparison.Ordinal)
            .Replace("%", $"{LikeEscape}%", StringComparison.Ordinal)
            .Replace("_", $"{LikeEscape}_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }
}
