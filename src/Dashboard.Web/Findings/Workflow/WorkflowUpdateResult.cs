using Dashboard.Data.Findings;

namespace Dashboard.Web.Findings.Workflow;

public enum WorkflowUpdateOutcome
{
    /// <summary>Every finding was updated in Security Hub (and the cache).</summary>
    Updated,
    /// <summary>Some findings were updated; <see cref="WorkflowUpdateResult.Failures"/> says why the others were not.</summary>
    PartiallyUpdated,
    /// <summary>No finding was updated: AWS refused or failed, or none of them is in the cache.</summary>
    Failed,
    /// <summary>The user lacks the Analyst role: nothing was sent to AWS or written.</summary>
    Forbidden,
    /// <summary>The request itself is wrong (no findings, unknown status, missing or long note).</summary>
    Invalid,
}

/// <summary>Why one finding was not updated.</summary>
public sealed record WorkflowUpdateFailure(FindingKey Finding, string Reason);

/// <summary>What a workflow update did, with a sentence to show the user.</summary>
public sealed record WorkflowUpdateResult(
    WorkflowUpdateOutcome Outcome,
    string Message,
    IReadOnlyList<FindingKey> Updated,
    IReadOnlyList<WorkflowUpdateFailure> Failures)
{
    public bool Succeeded => Outcome is WorkflowUpdateOutcome.Updated or WorkflowUpdateOutcome.PartiallyUpdated;

    internal static WorkflowUpdateResult Forbidden() =>
        new(WorkflowUpdateOutcome.Forbidden, "Updating a finding's workflow needs the Analyst or Admin role.", [], []);

    internal static WorkflowUpdateResult Invalid(string message) => new(WorkflowUpdateOutcome.Invalid, message, [], []);
}
