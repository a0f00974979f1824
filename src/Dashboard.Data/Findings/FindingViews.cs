using Dashboard.Core.Findings;

namespace Dashboard.Data.Findings;

/// <summary>A finding as a list shows it (no raw JSON).</summary>
public sealed record FindingRow(
    string Id,
    string ProductArn,
    string AwsAccountId,
    string Region,
    string ProductName,
    string? ControlId,
    string Title,
    Severity Severity,
    int SeverityNormalized,
    string? ComplianceStatus,
    string WorkflowStatus,
    string RecordState,
    string? ResourceType,
    string? ResourceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record FindingPage(IReadOnlyList<FindingRow> Rows, int TotalCount);

/// <summary>A finding with its original ASFF JSON, for the detail page and the JSON export.</summary>
public sealed record FindingDetail(FindingRow Row, string RawJson);

public sealed record CountBy(string Key, int Count);

public sealed record ControlFailure(string ControlId, string Title, int FailedCount, int AccountCount);

/// <summary>The overview page's figures over ACTIVE findings.</summary>
public sealed record FindingsOverview(
    int TotalActive,
    IReadOnlyList<CountBy> BySeverity,
    IReadOnlyList<CountBy> ByAccount,
    IReadOnlyList<CountBy> ByRegion,
    IReadOnlyList<CountBy> ByProduct,
    IReadOnlyList<CountBy> ByComplianceStatus,
    IReadOnlyList<CountBy> ByWorkflowStatus,
    IReadOnlyList<ControlFailure> TopFailingControls);

/// <summary>Distinct values present in the cache, for the filter pickers.</summary>
public sealed record FindingFilterOptions(
    IReadOnlyList<string> AccountIds,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> ProductNames,
    IReadOnlyList<string> ResourceTypes,
    IReadOnlyList<string> ControlIds);

public sealed record UpsertResult(int New, int Updated, int Unchanged);
