namespace Dashboard.Core.Findings;

/// <summary>
/// What the findings page, the CSV/JSON export and the command line filter on. Values within one
/// field are OR-ed; fields are AND-ed. Archived findings are hidden unless asked for.
/// </summary>
public sealed record FindingFilter
{
    public IReadOnlyList<Severity> Severities { get; init; } = [];
    public IReadOnlyList<string> AccountIds { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> ProductNames { get; init; } = [];
    public IReadOnlyList<string> WorkflowStatuses { get; init; } = [];
    public IReadOnlyList<string> ComplianceStatuses { get; init; } = [];
    /// <summary>Empty means ACTIVE only, unless <see cref="IncludeArchived"/>.</summary>
    public IReadOnlyList<string> RecordStates { get; init; } = [];
    public IReadOnlyList<string> ResourceTypes { get; init; } = [];
    public IReadOnlyList<string> ControlIds { get; init; } = [];
    /// <summary>Free text matched (case-insensitively, as a substring) against title and resource id.</summary>
    public string? Text { get; init; }
    public bool IncludeArchived { get; init; }
    public FindingSortField SortBy { get; init; } = FindingSortField.Severity;
    public bool SortDescending { get; init; } = true;

    public static FindingFilter Default { get; } = new();
}

public enum FindingSortField
{
    Severity,
    UpdatedAt,
    CreatedAt,
    Title,
    AccountId,
    Region,
    ProductName,
    ControlId,
    WorkflowStatus,
    ComplianceStatus,
    ResourceType,
}
