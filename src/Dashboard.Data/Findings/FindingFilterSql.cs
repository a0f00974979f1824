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

    /// <summary>
    /// The findings matching <paramref name="filter"/>. Only one filter column is written so that
    /// an index can serve it (see <see cref="Driver"/>); the others are compared as <c>column || ''</c>,
    /// the same test that no index can answer. Without that SQLite, which has no statistics here,
    /// takes any equality for selective: it would read all eu-west-1 findings in order looking for
    /// one account, or sort every High finding to show a page by title.
    /// </summary>
    public static IQueryable<FindingEntity> Where(IQueryable<FindingEntity> q, FindingFilter filter)
    {
        var driver = Driver(filter);
        if (RecordStates(filter) is { } states) q = q.Where(f => states.Contains(f.RecordState));
        if (filter.Severities.Count > 0)
        {
            var ranks = filter.Severities.Select(s => (int)s).Distinct().ToList();
            // Severity follows the driving column in every index, so it only helps in severity order.
            q = filter.SortBy == FindingSortField.Severity
                ? q.Where(f => ranks.Contains(f.SeverityRank))
                : q.Where(f => ranks.Contains(f.SeverityRank + 0));
        }
        q = WhereIn(q, FilterColumn.AccountId, filter.AccountIds, driver, f => f.AwsAccountId);
        q = WhereIn(q, FilterColumn.Region, filter.Regions, driver, f => f.Region);
        q = WhereIn(q, FilterColumn.ProductName, filter.ProductNames, driver, f => f.ProductName);
        q = WhereIn(q, FilterColumn.WorkflowStatus, filter.WorkflowStatuses, driver, f => f.WorkflowStatus);
        q = WhereIn(q, FilterColumn.ComplianceStatus, filter.ComplianceStatuses, driver, f => f.ComplianceStatus);
        q = WhereIn(q, FilterColumn.ResourceType, filter.ResourceTypes, driver, f => f.ResourceType);
        q = WhereIn(q, FilterColumn.ControlId, filter.ControlIds, driver, f => f.ControlId);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = ContainsPattern(filter.Text.Trim());
            // SQLite's LIKE is case-insensitive for ASCII letters, which is what titles and ARNs use.
            q = q.Where(f => EF.Functions.Like(f.Title, pattern, LikeEscape.ToString())
                || EF.Functions.Like(f.ResourceId!, pattern, LikeEscape.ToString()));
        }
        return q;
    }

    /// <summary>Filter columns that have an index (RecordState, column, SeverityRank), most selective first.</summary>
    internal enum FilterColumn { ControlId, ResourceType, AccountId, ProductName, Region, ComplianceStatus, WorkflowStatus }

    /// <summary>
    /// The filtered column whose index should find the rows. In severity order: the most selective
    /// filtered column (its index yields the matches already in severity order). In any other order:
    /// the sort column's index, read in order while the filters are checked row by row, unless the
    /// sort column itself is filtered or a control or resource type narrows the set to a few
    /// thousand rows that are cheaper to sort.
    /// </summary>
    internal static FilterColumn? Driver(FindingFilter filter)
    {
        var filtered = Enum.GetValues<FilterColumn>().Where(c => List(Values(filter, c)) is not null).ToList();
        if (filter.SortBy == FindingSortField.Severity) return filtered.Count > 0 ? filtered[0] : null;
        FilterColumn? sortColumn = filter.SortBy switch
        {
            FindingSortField.AccountId => FilterColumn.AccountId,
            FindingSortField.Region => FilterColumn.Region,
            FindingSortField.ProductName => FilterColumn.ProductName,
            FindingSortField.ControlId => FilterColumn.ControlId,
            FindingSortField.WorkflowStatus => FilterColumn.WorkflowStatus,
            FindingSortField.ComplianceStatus => FilterColumn.ComplianceStatus,
            FindingSortField.ResourceType => FilterColumn.ResourceType,
            _ => null,
        };
        if (sortColumn is { } sc && filtered.Contains(sc)) return sc;
        return filtered.Where(c => c is FilterColumn.ControlId or FilterColumn.ResourceType).Cast<FilterColumn?>().FirstOrDefault();
    }

    private static IReadOnlyList<string> Values(FindingFilter filter, FilterColumn column) => column switch
    {
        FilterColumn.ControlId => filter.ControlIds,
        FilterColumn.ResourceType => filter.ResourceTypes,
        FilterColumn.AccountId => filter.AccountIds,
        FilterColumn.ProductName => filter.ProductNames,
        FilterColumn.Region => filter.Regions,
        FilterColumn.ComplianceStatus => filter.ComplianceStatuses,
        _ => filter.WorkflowStatuses,
    };

    private static readonly System.Reflection.MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;

    private static IQueryable<FindingEntity> WhereIn(
        IQueryable<FindingEntity> q, FilterColumn column, IReadOnlyList<string> values, FilterColumn? driver,
        Expression<Func<FindingEntity, string?>> selector)
    {
        if (List(values) is not { } list) return q;
        var value = column == driver
            ? selector.Body
            : Expression.Call(Concat, selector.Body, Expression.Constant(""));
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], Expression.Constant(list), value);
        return q.Where(Expression.Lambda<Func<FindingEntity, bool>>(contains, selector.Parameters));
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
