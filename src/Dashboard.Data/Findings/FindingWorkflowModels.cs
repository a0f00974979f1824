namespace Dashboard.Data.Findings;

/// <summary>A finding's natural key, as BatchUpdateFindings names it.</summary>
public sealed record FindingKey(string Id, string ProductArn);

/// <summary>What a workflow update needs to know about a cached finding: where it lives and its current status.</summary>
public sealed record FindingWorkflowTarget(FindingKey Key, string AwsAccountId, string Region, string WorkflowStatus);

/// <summary>A workflow change AWS accepted, to be applied to the cache and recorded.</summary>
public sealed record FindingWorkflowChange(
    FindingKey Finding, string AwsAccountId, string Region, string ToStatus, string Note, string ChangedBy, DateTimeOffset ChangedAt)
{
    /// <summary>Security Hub's limit for Note.Text.</summary>
    public const int MaxNoteLength = 512;
}

/// <summary>One row of a finding's workflow history, as the detail page lists it.</summary>
public sealed record FindingWorkflowHistoryEntry(string? FromStatus, string ToStatus, string Note, string ChangedBy, DateTimeOffset ChangedAt);
