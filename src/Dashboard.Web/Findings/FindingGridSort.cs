using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using MudBlazor;

namespace Dashboard.Web.Findings;

/// <summary>Maps the findings grid's columns to the sort fields the query supports (server-side sorting).</summary>
public static class FindingGridSort
{
    private static readonly Dictionary<string, FindingSortField> ByColumn = new(StringComparer.Ordinal)
    {
        [nameof(FindingRow.Severity)] = FindingSortField.Severity,
        [nameof(FindingRow.UpdatedAt)] = FindingSortField.UpdatedAt,
        [nameof(FindingRow.CreatedAt)] = FindingSortField.CreatedAt,
        [nameof(FindingRow.Title)] = FindingSortField.Title,
        [nameof(FindingRow.AwsAccountId)] = FindingSortField.AccountId,
        [nameof(FindingRow.Region)] = FindingSortField.Region,
        [nameof(FindingRow.ProductName)] = FindingSortField.ProductName,
        [nameof(FindingRow.ControlId)] = FindingSortField.ControlId,
        [nameof(FindingRow.WorkflowStatus)] = FindingSortField.WorkflowStatus,
        [nameof(FindingRow.ComplianceStatus)] = FindingSortField.ComplianceStatus,
        [nameof(FindingRow.ResourceType)] = FindingSortField.ResourceType,
    };

    public static bool IsSortable(string column) => ByColumn.ContainsKey(column);

    /// <summary>The filter with the grid's first sort applied; unchanged when the grid sorts by nothing we support.</summary>
    public static FindingFilter Apply(FindingFilter filter, IEnumerable<SortDefinition<FindingRow>>? sorts)
    {
        var first = sorts?.FirstOrDefault(s => ByColumn.ContainsKey(s.SortBy));
        if (first is null) return filter;
        var field = ByColumn[first.SortBy];
        return filter.SortBy == field && filter.SortDescending == first.Descending
            ? filter
            : filter with { SortBy = field, SortDescending = first.Descending };
    }

    /// <summary>The direction a column starts with, so a shared link shows its sort arrow.</summary>
    public static SortDirection InitialDirection(FindingFilter filter, string column)
        => ByColumn.TryGetValue(column, out var field) && field == filter.SortBy
            ? filter.SortDescending ? SortDirection.Descending : SortDirection.Ascending
            : SortDirection.None;
}
