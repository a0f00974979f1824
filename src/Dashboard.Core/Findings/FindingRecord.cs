namespace Dashboard.Core.Findings;

/// <summary>
/// One Security Hub finding as the cache keeps it: the columns pages filter and sort on, plus the
/// original ASFF JSON so nothing the provider sent is ever lost. The key is (Id, ProductArn), as in
/// BatchUpdateFindings.
/// </summary>
public sealed record FindingRecord
{
    public required string Id { get; init; }
    public required string ProductArn { get; init; }
    public required string AwsAccountId { get; init; }
    /// <summary>The finding's Region (ASFF <c>Region</c>, else the Region of its ProductArn, else that of <c>Resources[0]</c>).</summary>
    public required string Region { get; init; }
    /// <summary><c>ProductName</c>, else <c>ProductFields["aws/securityhub/ProductName"]</c>, else the product part of the ARN.</summary>
    public required string ProductName { get; init; }
    public string? CompanyName { get; init; }
    public required string GeneratorId { get; init; }
    /// <summary>
    /// <c>Compliance.SecurityControlId</c> (consolidated findings) or the legacy <c>ProductFields.ControlId</c>
    /// (else the last part of <c>ProductFields.StandardsControlArn</c>, else <c>ProductFields.RuleId</c> for CIS 1.2.0).
    /// </summary>
    public string? ControlId { get; init; }
    public required string Title { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>0–100, as ASFF <c>Severity.Normalized</c> (derived from the label when absent).</summary>
    public required int SeverityNormalized { get; init; }
    /// <summary>PASSED, FAILED, WARNING, NOT_AVAILABLE, or null for findings that are not control checks.</summary>
    public string? ComplianceStatus { get; init; }
    /// <summary>NEW, NOTIFIED, SUPPRESSED, RESOLVED.</summary>
    public required string WorkflowStatus { get; init; }
    /// <summary>ACTIVE or ARCHIVED.</summary>
    public required string RecordState { get; init; }
    public string? ResourceType { get; init; }
    public string? ResourceId { get; init; }
    public DateTimeOffset? FirstObservedAt { get; init; }
    public DateTimeOffset? LastObservedAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The finding exactly as received (one JSON object).</summary>
    public required string RawJson { get; init; }
}

/// <summary>ASFF severity labels, ordered so that a higher value is more severe.</summary>
public enum Severity
{
    Informational = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
