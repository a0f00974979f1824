namespace Dashboard.Data.Findings;

/// <summary>
/// How many findings share one combination of the overview's dimensions. FindingStore keeps it exact
/// inside each upsert transaction, so the overview and the total of a page never GROUP BY or COUNT
/// over the million-row findings table. Null compliance is stored as "" (a primary-key column).
/// </summary>
public sealed class FindingCountEntity
{
    public required string RecordState { get; set; }
    public int SeverityRank { get; set; }
    public required string AwsAccountId { get; set; }
    public required string Region { get; set; }
    public required string ProductName { get; set; }
    public required string WorkflowStatus { get; set; }
    public required string ComplianceStatus { get; set; }
    public int Count { get; set; }
}

/// <summary>ACTIVE findings whose compliance status is FAILED, per control, account and title.</summary>
public sealed class ControlFailureCountEntity
{
    public required string ControlId { get; set; }
    public required string AwsAccountId { get; set; }
    public required string Title { get; set; }
    public int Count { get; set; }
}
