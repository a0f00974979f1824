using Dashboard.Data.Findings;

namespace Dashboard.Web.Findings;

/// <summary>The fixed ASFF value sets offered by the filter pickers (the open-ended ones come from the cache).</summary>
public static class FindingVocabulary
{
    /// <summary>ASFF Workflow.Status values.</summary>
    public static IReadOnlyList<string> WorkflowStatuses { get; } = ["NEW", "NOTIFIED", "SUPPRESSED", "RESOLVED"];

    /// <summary>ASFF Compliance.Status values.</summary>
    public static IReadOnlyList<string> ComplianceStatuses { get; } = ["FAILED", "WARNING", "NOT_AVAILABLE", "PASSED"];

    /// <summary>ASFF RecordState values.</summary>
    public static IReadOnlyList<string> RecordStates { get; } = ["ACTIVE", "ARCHIVED"];

    public static FindingFilterOptions NoOptions { get; } = new([], [], [], [], []);
}
