namespace Dashboard.StandIn.Data;

// Compact codes for the per-finding status fields; the byte values index the label arrays below.
internal enum SeverityCode : byte { Informational, Low, Medium, High, Critical }

internal enum WorkflowCode : byte { New, Notified, Suppressed, Resolved }

internal enum ComplianceCode : byte { None, Passed, Failed, Warning, NotAvailable }

internal enum RecordStateCode : byte { Active, Archived }

internal static class FindingStatus
{
    public static readonly string[] SeverityLabels = ["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"];

    // Security Hub derives Label from Normalized by these bands (ASFF "Severity" docs); we emit the band's floor.
    public static readonly int[] SeverityNormalized = [0, 1, 40, 70, 90];

    public static readonly string[] WorkflowLabels = ["NEW", "NOTIFIED", "SUPPRESSED", "RESOLVED"];

    // The deprecated WorkflowState still appears on every finding Security Hub returns.
    public static readonly string[] WorkflowStates = ["NEW", "ASSIGNED", "DEFERRED", "RESOLVED"];

    public static readonly string?[] ComplianceLabels = [null, "PASSED", "FAILED", "WARNING", "NOT_AVAILABLE"];

    public static readonly string[] RecordStateLabels = ["ACTIVE", "ARCHIVED"];

    public static SeverityCode SeverityFromNormalized(double normalized) => normalized switch
    {
        < 1 => SeverityCode.Informational,
        < 40 => SeverityCode.Low,
        < 70 => SeverityCode.Medium,
        < 90 => SeverityCode.High,
        _ => SeverityCode.Critical,
    };

    public static bool TryParseSeverity(string? label, out SeverityCode code) => TryIndex(SeverityLabels, label, out code);

    public static bool TryParseWorkflow(string? label, out WorkflowCode code) => TryIndex(WorkflowLabels, label, out code);

    public static bool TryParseRecordState(string? label, out RecordStateCode code) => TryIndex(RecordStateLabels, label, out code);

    public static bool TryParseCompliance(string? label, out ComplianceCode code)
    {
        for (var i = 1; i < ComplianceLabels.Length; i++)
        {
            if (string.Equals(ComplianceLabels[i], label, StringComparison.Ordinal))
            {
                code = (ComplianceCode)i;
                return true;
            }
        }

        code = ComplianceCode.None;
        return false;
    }

    private static bool TryIndex<T>(string[] labels, string? label, out T code)
        where T : struct, Enum
    {
        var index = Array.IndexOf(labels, label);
        code = (T)Enum.ToObject(typeof(T), Math.Max(index, 0));
        return index >= 0;
    }
}
