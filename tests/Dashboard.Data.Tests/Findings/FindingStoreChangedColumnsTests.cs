using Dashboard.Core.Findings;
using Dashboard.Data.Database;
using Dashboard.Data.Findings;
using Dashboard.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Tests.Findings;

/// <summary>
/// An updated finding is written by an UPDATE that sets only the indexed columns whose value changed:
/// whichever columns change, the stored row ends up equal to the new record and the summaries exact.
/// </summary>
public sealed class FindingStoreChangedColumnsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One change per indexed column, and to null where the column allows it.</summary>
    private static readonly Dictionary<string, Func<FindingRecord, FindingRecord>> Changes = new()
    {
        ["AwsAccountId"] = f => f with { AwsAccountId = "222222222222" },
        ["Region"] = f => f with { Region = "eu-west-1" },
        ["ProductName"] = f => f with { ProductName = "GuardDuty" },
        ["ControlId"] = f => f with { ControlId = "S3.8" },
        ["ControlId null"] = f => f with { ControlId = null },
        ["Title"] = f => f with { Title = "A renamed control" },
        ["SeverityRank"] = f => f with { Severity = Severity.Critical, SeverityNormalized = 90 },
        ["ComplianceStatus"] = f => f with { ComplianceStatus = "PASSED" },
        ["ComplianceStatus null"] = f => f with { ComplianceStatus = null },
        ["WorkflowStatus"] = f => f with { WorkflowStatus = "RESOLVED" },
        ["RecordState"] = f => f with { RecordState = "ARCHIVED" },
        ["ResourceType"] = f => f with { ResourceType = "AwsEc2Instance" },
        ["ResourceType null"] = f => f with { ResourceType = null },
        ["ResourceId"] = f => f with { ResourceId = "i-0123456789abcdef0" },
        ["ResourceId null"] = f => f with { ResourceId = null },
    };

    public static TheoryData<string> ChangeNames => [.. Changes.Keys];

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public async Task UpsertAsync_OneIndexedColumnChanged_StoresTheNewRowAndExactSummaries(string change)
    {
        await using var db = await TestDatabase.CreateAsync();
        var others = Enumerable.Range(0, 5).Select(i => TestFindings.Make($"other{i}")).ToList();
        var original = TestFindings.Make("f");
        await db.Store.UpsertAsync([original, .. others], Ct);
        var changed = Changes[change](TestFindings.Touched(original, TimeSpan.FromHours(1)));

        var result = await db.Store.UpsertAsync([changed], Ct);

        Assert.Equal(new UpsertResult(0, 1, 0), result);
        await AssertStoredAsync(db, changed);
        await AssertStoredAsync(db, others[2]);
        await AssertSummariesExactAsync(db);
    }

    [Fact]
    public async Task UpsertAsync_RowsChangingDifferentColumnsInOneCall_StoresEachAsSent()
    {
        await using var db = await TestDatabase.CreateAsync();
        var originals = Changes.Keys.Select(name => TestFindings.Make(name.Replace(' ', '-'))).ToList();
        var quiet = TestFindings.Make("quiet");
        await db.Store.UpsertAsync([.. originals, quiet], Ct);
        var changed = originals.Zip(Changes.Values, (f, change) => change(TestFindings.Touched(f, TimeSpan.FromHours(2)))).ToList();
        // Two columns at once, every column at once, and a re-observation that moves no indexed column.
        changed[0] = Changes["Title"](changed[0]);
        changed[1] = Changes.Values.Aggregate(changed[1], (f, change) => change(f));
        var reobserved = TestFindings.Touched(quiet, TimeSpan.FromMinutes(5)) with { LastObservedAt = quiet.UpdatedAt.AddMinutes(5) };

        var result = await db.Store.UpsertAsync([.. changed, reobserved, TestFindings.Make("new")], Ct);

        Assert.Equal(new UpsertResult(1, changed.Count + 1, 0), result);
        foreach (var f in changed) await AssertStoredAsync(db, f);
        await AssertStoredAsync(db, reobserved);
        await AssertSummariesExactAsync(db);
    }

    private static async Task AssertStoredAsync(TestDatabase db, FindingRecord expected)
    {
        await using var context = await db.Factory.CreateDbContextAsync(Ct);
        var row = await context.Findings.AsNoTracking().Include(f => f.Json)
            .SingleAsync(f => f.Id == expected.Id && f.ProductArn == expected.ProductArn, Ct);
        Assert.Equivalent(new
        {
            expected.AwsAccountId, expected.Region, expected.ProductName, expected.CompanyName, expected.GeneratorId,
            expected.ControlId, expected.Title, SeverityRank = (int)expected.Severity, expected.SeverityNormalized,
            expected.ComplianceStatus, expected.WorkflowStatus, expected.RecordState, expected.ResourceType, expected.ResourceId,
            FirstObservedAtTicks = Instants.ToTicks(expected.FirstObservedAt), LastObservedAtTicks = Instants.ToTicks(expected.LastObservedAt),
            CreatedAtTicks = Instants.ToTicks(expected.CreatedAt), UpdatedAtTicks = Instants.ToTicks(expected.UpdatedAt),
        }, row);
        Assert.Equal(expected.RawJson, row.Json!.RawJson);
    }

    /// <summary>The incrementally kept summaries equal a rebuild from the findings.</summary>
    private static async Task AssertSummariesExactAsync(TestDatabase db)
    {
        var overview = await db.Queries.GetOverviewAsync(Ct);
        var options = await db.Queries.GetFilterOptionsAsync(Ct);
        await db.Store.RebuildSummaryAsync(Ct);
        Assert.Equivalent(await db.Queries.GetOverviewAsync(Ct), overview, strict: true);
        Assert.Equivalent(await db.Queries.GetFilterOptionsAsync(Ct), options, strict: true);
    }
}
