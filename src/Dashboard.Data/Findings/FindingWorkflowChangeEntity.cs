namespace Dashboard.Data.Findings;

/// <summary>
/// One workflow change made from the dashboard (BatchUpdateFindings accepted it): who moved which finding
/// from which status to which, with what note, when. Kept apart from the findings table and without a
/// foreign key, so the audit trail outlives the finding (Security Hub deletes findings after 90 days).
/// </summary>
public sealed class FindingWorkflowChangeEntity
{
    public long Id { get; set; }
    public required string FindingId { get; set; }
    public required string ProductArn { get; set; }
    public required string AwsAccountId { get; set; }
    public required string Region { get; set; }
    /// <summary>The cached status before the change; null when the cache did not hold the finding.</summary>
    public string? FromStatus { get; set; }
    public required string ToStatus { get; set; }
    public required string Note { get; set; }
    /// <summary>The signed-in user (cognito:username, else email): the same text sent as Note.UpdatedBy.</summary>
    public required string ChangedBy { get; set; }
    /// <summary>When Security Hub had acknowledged the change, as UTC ticks (SQLite cannot order DateTimeOffset); the sync compares it with its page times.</summary>
    public long ChangedAtTicks { get; set; }
}
