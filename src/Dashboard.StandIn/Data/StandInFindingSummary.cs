namespace Dashboard.StandIn.Data;

/// <summary>The key attributes of one served finding, for tests and benchmarks to compute expectations.</summary>
public sealed record StandInFindingSummary(
    int Index,
    string Id,
    string ProductArn,
    string ProductName,
    string AwsAccountId,
    string Region,
    string Title,
    string SeverityLabel,
    string WorkflowStatus,
    string? ComplianceStatus,
    string? SecurityControlId,
    string RecordState,
    string ResourceType,
    string ResourceId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
