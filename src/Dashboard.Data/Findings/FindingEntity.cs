namespace Dashboard.Data.Findings;

/// <summary>
/// The columns pages filter and sort on. The raw ASFF JSON lives in <see cref="FindingJsonEntity"/>
/// so that scans and index lookups over this table stay narrow (a finding's JSON is 2–7 KB, which
/// would put one row per SQLite page).
/// </summary>
public sealed class FindingEntity
{
    /// <summary>Surrogate key (SQLite rowid alias): the cheap, stable tie-breaker every index carries.</summary>
    public long Key { get; set; }
    public required string Id { get; set; }
    public required string ProductArn { get; set; }
    public required string AwsAccountId { get; set; }
    public required string Region { get; set; }
    public required string ProductName { get; set; }
    public string? CompanyName { get; set; }
    public required string GeneratorId { get; set; }
    public string? ControlId { get; set; }
    public required string Title { get; set; }
    /// <summary><see cref="Core.Findings.Severity"/> as its int value: higher is more severe.</summary>
    public int SeverityRank { get; set; }
    public int SeverityNormalized { get; set; }
    public string? ComplianceStatus { get; set; }
    public required string WorkflowStatus { get; set; }
    public required string RecordState { get; set; }
    public string? ResourceType { get; set; }
    public string? ResourceId { get; set; }
    // Instants as UTC ticks: SQLite cannot order or compare DateTimeOffset.
    public long? FirstObservedAtTicks { get; set; }
    public long? LastObservedAtTicks { get; set; }
    public long CreatedAtTicks { get; set; }
    public long UpdatedAtTicks { get; set; }
    /// <summary>64-bit hash of the raw JSON, so "unchanged" is decided without reading the JSON back.</summary>
    public long RawHash { get; set; }
    public FindingJsonEntity? Json { get; set; }
}

/// <summary>The finding exactly as received, one row per <see cref="FindingEntity"/>.</summary>
public sealed class FindingJsonEntity
{
    public long FindingKey { get; set; }
    public required string RawJson { get; set; }
}
