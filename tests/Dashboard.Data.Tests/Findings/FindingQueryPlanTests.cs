using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using Dashboard.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Tests.Findings;

/// <summary>
/// Keeps the indexes and the page query in step: at a million findings a page is only fast when
/// SQLite reads it in order from an index instead of sorting every match.
/// </summary>
public sealed class FindingQueryPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<FindingSortField> IndexedSorts =>
        new(Enum.GetValues<FindingSortField>().Where(f => f != FindingSortField.CreatedAt));

    [Theory]
    [MemberData(nameof(IndexedSorts))]
    public async Task PageQuery_SortOverActiveFindings_ReadsInIndexOrder(FindingSortField field)
    {
        await using var db = await TestDatabase.CreateAsync();

        var plan = await PlanAsync(db, new FindingFilter { SortBy = field });

        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.Contains("USING INDEX", plan);
    }

    [Theory]
    [InlineData("account")]
    [InlineData("region")]
    [InlineData("product")]
    [InlineData("control")]
    [InlineData("resourceType")]
    [InlineData("workflow")]
    [InlineData("compliance")]
    public async Task PageQuery_SeverityAndOneMoreFilter_ReadsInIndexOrder(string field)
    {
        await using var db = await TestDatabase.CreateAsync();
        var filter = new FindingFilter { Severities = [Severity.Critical, Severity.High] };
        filter = field switch
        {
            "account" => filter with { AccountIds = ["111111111111"] },
            "region" => filter with { Regions = ["eu-west-1"] },
            "product" => filter with { ProductNames = ["GuardDuty"] },
            "control" => filter with { ControlIds = ["S3.1"] },
            "resourceType" => filter with { ResourceTypes = ["AwsS3Bucket"] },
            "workflow" => filter with { WorkflowStatuses = ["NEW"] },
            _ => filter with { ComplianceStatuses = ["FAILED"] },
        };

        var plan = await PlanAsync(db, filter);

        Assert.DoesNotContain("TEMP B-TREE", plan);
        Assert.DoesNotContain("SCAN", plan);
    }

    [Theory]
    [InlineData("ResourceType")]
    [InlineData("ControlId")]
    public async Task FilterOptionsQuery_DistinctValues_SeeksTheIndexInsteadOfScanning(string column)
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = await db.Factory.CreateDbContextAsync(Ct);
        await context.Database.OpenConnectionAsync(Ct);
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + FindingQueries.DistinctSql(column).Replace("{0}", "'ACTIVE'");

        await using var reader = await command.ExecuteReaderAsync(Ct);
        var plan = new List<string>();
        while (await reader.ReadAsync(Ct)) plan.Add(reader.GetString(3));

        Assert.Contains(plan, line => line.Contains($"IX_Findings_RecordState_{column}_SeverityRank"));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN Findings"));
    }

    [Fact]
    public async Task UpsertSummaryQuery_ReplacedRows_ProbesFindingsByKeyInsteadOfScanning()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var context = await db.Factory.CreateDbContextAsync(Ct);
        await context.Database.OpenConnectionAsync(Ct);
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = """
            CREATE TEMP TABLE "FindingStage" ("Key" INTEGER PRIMARY KEY, "IsUpdate" INTEGER NOT NULL);
            """;
        await command.ExecuteNonQueryAsync(Ct);
        command.CommandText = $"""EXPLAIN QUERY PLAN SELECT f."Region", COUNT(*) FROM {FindingUpsertBatch.ReplacedRows} WHERE s."IsUpdate" = 1 GROUP BY f."Region" """;

        await using var reader = await command.ExecuteReaderAsync(Ct);
        var plan = new List<string>();
        while (await reader.ReadAsync(Ct)) plan.Add(reader.GetString(3));

        Assert.Contains(plan, line => line.StartsWith("SEARCH f USING INTEGER PRIMARY KEY"));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN f"));
    }

    private static async Task<string> PlanAsync(TestDatabase db, FindingFilter filter)
    {
        await using var context = await db.Factory.CreateDbContextAsync(Ct);
        var query = FindingFilterSql.OrderBy(FindingFilterSql.Where(context.Findings, filter), filter.SortBy, filter.SortDescending)
            .Skip(0).Take(50).Select(f => f.Id);
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await context.Database.OpenConnectionAsync(Ct);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(Ct)) lines.Add(reader.GetString(3));
        return string.Join(" | ", lines);
    }
}
