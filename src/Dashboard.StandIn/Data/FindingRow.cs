namespace Dashboard.StandIn.Data;

/// <summary>
/// One finding as the stand-in keeps it: indexes and codes only, about 48 bytes, so a million findings
/// fit in memory without their JSON. The JSON is rendered from the row's template when a page is served.
/// </summary>
internal struct FindingRow
{
    /// <summary>Marks an absent timestamp (a loaded finding without FirstObservedAt, say).</summary>
    public const long Absent = long.MinValue;

    public int Template;
    public short Account;
    public byte Region;
    public SeverityCode Severity;
    public WorkflowCode Workflow;
    public ComplianceCode Compliance;
    public RecordStateCode RecordState;
    public ushort ResourceVariant;

    // Unix milliseconds, UTC.
    public long CreatedAt;
    public long UpdatedAt;
    public long FirstObservedAt;
    public long LastObservedAt;
}
