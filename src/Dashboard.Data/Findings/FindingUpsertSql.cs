using System.Collections.Concurrent;

namespace Dashboard.Data.Findings;

/// <summary>
/// The statements of <see cref="FindingUpsertBatch"/>. A stored finding that changed is updated by a
/// statement whose SET list names only the columns that can have moved: the unindexed ones and
/// UpdatedAt always, an indexed one only when its value changed. SQLite rewrites an index whenever the
/// SET list names one of its columns, even to the same value, and most provider updates change none or
/// a few of the eleven (at 1M findings with 1% changed this cut what the incremental sync wrote to the
/// WAL and database by 15%).
/// </summary>
internal static class FindingUpsertSql
{
    internal static readonly string[] Columns =
    [
        "Id", "ProductArn", "AwsAccountId", "Region", "ProductName", "CompanyName", "GeneratorId", "ControlId", "Title",
        "SeverityRank", "SeverityNormalized", "ComplianceStatus", "WorkflowStatus", "RecordState", "ResourceType", "ResourceId",
        "FirstObservedAtTicks", "LastObservedAtTicks", "CreatedAtTicks", "UpdatedAtTicks", "RawHash",
    ];

    /// <summary>Columns no index reads, plus UpdatedAt (in one index, and changed by nearly every update): always set.</summary>
    private static readonly string[] QuietColumns =
        ["CompanyName", "GeneratorId", "SeverityNormalized", "FirstObservedAtTicks", "LastObservedAtTicks", "CreatedAtTicks", "UpdatedAtTicks", "RawHash"];

    /// <summary>Every other indexed column except the natural key; bit i of a change mask stands for IndexedColumns[i].</summary>
    internal static readonly string[] IndexedColumns =
        ["AwsAccountId", "Region", "ProductName", "ControlId", "Title", "SeverityRank", "ComplianceStatus", "WorkflowStatus", "RecordState", "ResourceType", "ResourceId"];

    /// <summary>The indexed columns the summary tables group or filter by: a change outside them leaves the summaries as they are.</summary>
    internal static readonly int SummaryMask = MaskOf("AwsAccountId", "Region", "ProductName", "ControlId", "Title", "SeverityRank", "ComplianceStatus", "WorkflowStatus", "RecordState");

    internal static readonly string ColumnList = string.Join(", ", Columns.Select(Quote));

    internal static readonly string CreateStage = $"""
        CREATE TEMP TABLE "FindingStage" (
            "Key" INTEGER PRIMARY KEY, {ColumnList}, "IsUpdate" INTEGER NOT NULL, "Changed" INTEGER NOT NULL);
        """;

    internal const string DropStage = """DROP TABLE temp."FindingStage";""";

    internal static readonly string Stage = $"""
        INSERT INTO temp."FindingStage" ("Key", {ColumnList}, "IsUpdate", "Changed")
        VALUES ($Key, {string.Join(", ", Columns.Select(c => "$" + c))}, $IsUpdate, $Changed)
        """;

    /// <summary>Reads what classifying a finding needs: its key, what decides "unchanged", and the indexed values.</summary>
    internal static readonly string Lookup = $"""
        SELECT "Key", "RawHash", "UpdatedAtTicks", {string.Join(", ", IndexedColumns.Select(Quote))}
        FROM main."Findings" WHERE "Id" = $id AND "ProductArn" = $arn
        """;

    /// <summary>Rows the lookup found absent: plain inserts with the keys staged for them, in key order.</summary>
    internal static readonly string InsertNew = $"""
        INSERT INTO main."Findings" ("Key", {ColumnList})
        SELECT "Key", {ColumnList} FROM temp."FindingStage" WHERE "IsUpdate" = 0 ORDER BY "Key";
        """;

    internal const string UpsertJson = """
        INSERT INTO main."FindingJson" ("FindingKey", "RawJson") VALUES ($key, $raw)
        ON CONFLICT ("FindingKey") DO UPDATE SET "RawJson" = excluded."RawJson"
        """;

    private static readonly ConcurrentDictionary<int, string> Updates = new();

    /// <summary>Updates the staged rows whose changed indexed columns are exactly <paramref name="mask"/>.</summary>
    internal static string Update(int mask) => Updates.GetOrAdd(mask, static m =>
    {
        var set = QuietColumns.Concat(IndexedColumns.Where((_, i) => (m & (1 << i)) != 0)).ToList();
        return $"""
            UPDATE main."Findings"
            SET ({string.Join(", ", set.Select(Quote))}) =
                (SELECT {string.Join(", ", set.Select(c => "s." + Quote(c)))} FROM temp."FindingStage" s WHERE s."Key" = "Findings"."Key")
            WHERE "Key" IN (SELECT "Key" FROM temp."FindingStage" WHERE "IsUpdate" = 1 AND "Changed" = {m});
            """;
    });

    private static int MaskOf(params string[] columns)
        => columns.Aggregate(0, (mask, c) => mask | (1 << Array.IndexOf(IndexedColumns, c)));

    private static string Quote(string column) => $"\"{column}\"";
}
