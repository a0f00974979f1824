namespace Dashboard.Data.Findings;

/// <summary>
/// The SQL that keeps <see cref="FindingCountEntity"/> and <see cref="ControlFailureCountEntity"/>
/// equal to the GROUP BYs they stand for, both incrementally (per upsert) and by a full rebuild.
/// </summary>
internal static class FindingSummarySql
{
    private const string CountColumns =
        "\"RecordState\", \"SeverityRank\", \"AwsAccountId\", \"Region\", \"ProductName\", \"WorkflowStatus\", \"ComplianceStatus\"";

    private static string CountSelect(string alias) =>
        $"{alias}.\"RecordState\", {alias}.\"SeverityRank\", {alias}.\"AwsAccountId\", {alias}.\"Region\", {alias}.\"ProductName\", "
        + $"{alias}.\"WorkflowStatus\", COALESCE({alias}.\"ComplianceStatus\", '')";

    private static string FailedWhere(string alias) =>
        $"{alias}.\"RecordState\" = 'ACTIVE' AND {alias}.\"ComplianceStatus\" = 'FAILED' AND {alias}.\"ControlId\" IS NOT NULL";

    /// <summary>Adds <paramref name="sign"/> × the rows of <paramref name="from"/> (aliased f, filtered by <paramref name="where"/>) to both tables.</summary>
    public static string Add(string from, string where, int sign) => $"""
        INSERT INTO "FindingCounts" ({CountColumns}, "Count")
        SELECT {CountSelect("f")}, {sign} * COUNT(*) FROM {from} WHERE {where}
        GROUP BY {CountSelect("f")}
        ON CONFLICT DO UPDATE SET "Count" = "Count" + excluded."Count";
        INSERT INTO "ControlFailureCounts" ("ControlId", "AwsAccountId", "Title", "Count")
        SELECT f."ControlId", f."AwsAccountId", f."Title", {sign} * COUNT(*) FROM {from} WHERE ({where}) AND {FailedWhere("f")}
        GROUP BY f."ControlId", f."AwsAccountId", f."Title"
        ON CONFLICT DO UPDATE SET "Count" = "Count" + excluded."Count";
        """;

    /// <summary>Empty groups would otherwise show up as filter options and as failing accounts.</summary>
    public const string RemoveEmpty = """
        DELETE FROM "FindingCounts" WHERE "Count" <= 0;
        DELETE FROM "ControlFailureCounts" WHERE "Count" <= 0;
        """;

    public static readonly string Rebuild = $"""
        DELETE FROM "FindingCounts";
        DELETE FROM "ControlFailureCounts";
        {Add("\"Findings\" f", "true", 1)}
        """;
}
