namespace Dashboard.StandIn.Data;

/// <summary>A finding's Note as BatchUpdateFindings sets it; UpdatedAt is the stand-in's clock, in Unix milliseconds.</summary>
internal sealed record StandInNote(string Text, string UpdatedBy, long UpdatedAt);

/// <summary>What BatchUpdateFindings did to one finding identifier: processed, or an error code and message.</summary>
internal readonly record struct WorkflowUpdateOutcome(string Id, string ProductArn, string? ErrorCode, string? ErrorMessage)
{
    public bool Processed => ErrorCode is null;
}
