using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests.Findings;

public sealed class FindingQueriesOverviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Seven findings whose figures are easy to count by hand.</summary>
    private static List<FindingRecord> HandBuilt()
    {
        var f = TestFindings.Make;
        return
        [
            f("1") with { AwsAccountId = "A", Region = "us-east-1", Severity = Severity.Critical, ControlId = "S3.1", Title = "S3 block public access", ComplianceStatus = "FAILED" },
            f("2") with { AwsAccountId = "B", Region = "us-east-1", Severity = Severity.High, ControlId = "S3.1", Title = "S3 block public access", ComplianceStatus = "FAILED" },
            f("3") with { AwsAccountId = "B", Region = "eu-west-1", Severity = Severity.High, ControlId = "S3.1", Title = "S3 block public access", ComplianceStatus = "FAILED" },
            f("4") with { AwsAccountId = "A", Region = "eu-west-1", Severity = Severity.Low, ControlId = "IAM.4", Title = "No root access key", ComplianceStatus = "FAILED", WorkflowStatus = "NOTIFIED" },
            f("5") with { AwsAccountId = "A", Region = "us-east-1", Severity = Severity.Low, ControlId = "IAM.4", Title = "No root access key", ComplianceStatus = "PASSED" },
            f("6") with { AwsAccountId = "C", Region = "us-east-1", Severity = Severity.Medium, ProductName = "GuardDuty", ControlId = null, ComplianceStatus = null, Title = "Recon" },
            // Archived: counted nowhere in the overview.
            f("7") with { AwsAccountId = "C", Region = "us-east-1", Severity = Severity.Critical, ControlId = "EC2.2", ComplianceStatus = "FAILED", RecordState = "ARCHIVED" },
        ];
    }

    [Fact]
    public async Task GetOverviewAsync_HandBuiltSet_CountsActiveFindings()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Store.UpsertAsync(HandBuilt(), Ct);

        var o = await db.Queries.GetOverviewAsync(Ct);

        Assert.Equal(6, o.TotalActive);
        Assert.Equal(
            [new("Critical", 1), new("High", 2), new("Medium", 1), new("Low", 2), new("Informational", 0)],
            o.BySeverity);
        Assert.Equal([new("A", 3), new("B", 2), new("C", 1)], o.ByAccount);
        Assert.Equal([new("us-east-1", 4), new("eu-west-1", 2)], o.ByRegion);
        Assert.Equal([new("Security Hub", 5), new("GuardDuty", 1)], o.ByProduct);
        Assert.Equal([new("FAILED", 4), new("PASSED", 1)], o.ByComplianceStatus);
        Assert.Equal([new("NEW", 5), new("NOTIFIED", 1)], o.ByWorkflowStatus);
        Assert.Equal(
            [new ControlFailure("S3.1", "S3 block public access", 3, 2), new ControlFailure("IAM.4", "No root access key", 1, 1)],
            o.TopFailingControls);
    }

    [Fact]
    public async Task GetOverviewAsync_FindingArchivedAndFixed_LeavesTheFigures()
    {
        await using var db = await TestDatabase.CreateAsync();
        var set = HandBuilt();
        await db.Store.UpsertAsync(set, Ct);

        // Finding 2 is archived, finding 3 now passes.
        await db.Store.UpsertAsync(
        [
            TestFindings.Touched(set[1], TimeSpan.FromHours(1)) with { RecordState = "ARCHIVED" },
            TestFindings.Touched(set[2], TimeSpan.FromHours(1)) with { ComplianceStatus = "PASSED", WorkflowStatus = "RESOLVED" },
        ], Ct);
        var o = await db.Queries.GetOverviewAsync(Ct);

        Assert.Equal(5, o.TotalActive);
        Assert.Equal([new("A", 3), new("B", 1), new("C", 1)], o.ByAccount);
        Assert.Equal([new("FAILED", 2), new("PASSED", 2)], o.ByComplianceStatus);
        Assert.Equal([new("NEW", 3), new("NOTIFIED", 1), new("RESOLVED", 1)], o.ByWorkflowStatus);
        Assert.Equal(
            [new ControlFailure("IAM.4", "No root access key", 1, 1), new ControlFailure("S3.1", "S3 block public access", 1, 1)],
            o.TopFailingControls);
    }

    [Fact]
    public async Task GetOverviewAsync_EmptyCache_ReturnsZeros()
    {
        await using var db = await TestDatabase.CreateAsync();

        var o = await db.Queries.GetOverviewAsync(Ct);

        Assert.Equal(0, o.TotalActive);
        Assert.Equal(5, o.BySeverity.Count);
        Assert.All(o.BySeverity, s => Assert.Equal(0, s.Count));
        Assert.Empty(o.ByAccount);
        Assert.Empty(o.TopFailingControls);
    }

    [Fact]
    public async Task GetOverviewAsync_MoreThanTenFailingControls_ReturnsTheTenWorst()
    {
        await using var db = await TestDatabase.CreateAsync();
        // Control C{n} fails n times.
        var findings = Enumerable.Range(1, 12)
            .SelectMany(n => Enumerable.Range(0, n).Select(i => TestFindings.Make($"c{n}-{i}") with { ControlId = $"C{n:D2}", Title = $"Control {n}" }))
            .ToList();
        await db.Store.UpsertAsync(findings, Ct);

        var top = (await db.Queries.GetOverviewAsync(Ct)).TopFailingControls;

        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(n => $"C{n:D2}"), top.Select(c => c.ControlId));
        Assert.Equal(12, top[0].FailedCount);
    }

    [Fact]
    public async Task GetFilterOptionsAsync_Findings_ReturnsSortedDistinctValues()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Store.UpsertAsync(QuerySeed.Build(), Ct);

        var options = await db.Queries.GetFilterOptionsAsync(Ct);

        Assert.Equal(QuerySeed.Accounts.Order(StringComparer.Ordinal), options.AccountIds);
        Assert.Equal(QuerySeed.Regions.Order(StringComparer.Ordinal), options.Regions);
        Assert.Equal(QuerySeed.Products.Order(StringComparer.Ordinal), options.ProductNames);
        Assert.Equal(QuerySeed.ResourceTypes.OfType<string>().Order(StringComparer.Ordinal), options.ResourceTypes);
        Assert.Equal(QuerySeed.Controls.OfType<string>().Order(StringComparer.Ordinal), options.ControlIds);
    }

    [Fact]
    public async Task GetDetailAsync_KnownAndUnknown_ReturnsRowWithJsonOrNull()
    {
        await using var db = await TestDatabase.CreateAsync();
        var f = TestFindings.Make("x", rawExtra: "ünïcödé ✓") with { FirstObservedAt = null };
        await db.Store.UpsertAsync([f], Ct);

        var found = await db.Queries.GetDetailAsync("x", f.ProductArn, Ct);
        var otherProduct = await db.Queries.GetDetailAsync("x", "arn:aws:securityhub:us-east-1::product/aws/guardduty", Ct);

        Assert.NotNull(found);
        Assert.Equal(f.RawJson, found.RawJson);
        Assert.Equal(new FindingRow(f.Id, f.ProductArn, f.AwsAccountId, f.Region, f.ProductName, f.ControlId, f.Title, f.Severity,
            f.SeverityNormalized, f.ComplianceStatus, f.WorkflowStatus, f.RecordState, f.ResourceType, f.ResourceId, f.CreatedAt, f.UpdatedAt), found.Row);
        Assert.Null(otherProduct);
    }

    [Fact]
    public async Task GetOnSameResourceAsync_Resource_ReturnsTheOthersActiveFirst()
    {
        await using var db = await TestDatabase.CreateAsync();
        const string bucket = "arn:aws:s3:::shared";
        await db.Store.UpsertAsync(
        [
            TestFindings.Make("self") with { ResourceId = bucket },
            TestFindings.Make("archived-critical") with { ResourceId = bucket, Severity = Severity.Critical, RecordState = "ARCHIVED" },
            TestFindings.Make("low") with { ResourceId = bucket, Severity = Severity.Low },
            TestFindings.Make("high") with { ResourceId = bucket, Severity = Severity.High },
            TestFindings.Make("elsewhere") with { ResourceId = "arn:aws:s3:::other" },
        ], Ct);

        var rows = await db.Queries.GetOnSameResourceAsync(bucket, "self", TestFindings.Make("self").ProductArn, 10, Ct);
        var limited = await db.Queries.GetOnSameResourceAsync(bucket, "self", TestFindings.Make("self").ProductArn, 1, Ct);

        Assert.Equal(["high", "low", "archived-critical"], rows.Select(r => r.Id));
        Assert.Equal(["high"], limited.Select(r => r.Id));
    }
}
