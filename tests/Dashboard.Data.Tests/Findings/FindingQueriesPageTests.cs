using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests.Findings;

public sealed class FindingQueriesPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> FilterCases =>
    [
        "severity", "account", "region", "product", "workflow", "compliance", "recordState", "resourceType", "control",
        "text", "includeArchived", "twoFilters", "everyField",
    ];

    private static (FindingFilter Filter, Func<FindingRecord, bool> Matches) Case(string name)
    {
        static bool Active(FindingRecord f) => f.RecordState == "ACTIVE";
        return name switch
        {
            "severity" => (new FindingFilter { Severities = [Severity.High, Severity.Low] },
                f => Active(f) && f.Severity is Severity.High or Severity.Low),
            "account" => (new FindingFilter { AccountIds = ["222222222222"] }, f => Active(f) && f.AwsAccountId == "222222222222"),
            "region" => (new FindingFilter { Regions = ["eu-west-1"] }, f => Active(f) && f.Region == "eu-west-1"),
            "product" => (new FindingFilter { ProductNames = ["GuardDuty", "Inspector"] },
                f => Active(f) && f.ProductName is "GuardDuty" or "Inspector"),
            "workflow" => (new FindingFilter { WorkflowStatuses = ["NOTIFIED"] }, f => Active(f) && f.WorkflowStatus == "NOTIFIED"),
            "compliance" => (new FindingFilter { ComplianceStatuses = ["FAILED", "WARNING"] },
                f => Active(f) && f.ComplianceStatus is "FAILED" or "WARNING"),
            "recordState" => (new FindingFilter { RecordStates = ["ARCHIVED"] }, f => f.RecordState == "ARCHIVED"),
            "resourceType" => (new FindingFilter { ResourceTypes = ["AwsEc2Instance"] }, f => Active(f) && f.ResourceType == "AwsEc2Instance"),
            "control" => (new FindingFilter { ControlIds = ["S3.1", "IAM.4"] }, f => Active(f) && f.ControlId is "S3.1" or "IAM.4"),
            "text" => (new FindingFilter { Text = "BUCKET" },
                f => Active(f) && (f.Title.Contains("bucket", StringComparison.OrdinalIgnoreCase)
                    || (f.ResourceId?.Contains("bucket", StringComparison.OrdinalIgnoreCase) ?? false))),
            "includeArchived" => (new FindingFilter { IncludeArchived = true }, _ => true),
            "twoFilters" => (new FindingFilter { Severities = [Severity.Critical, Severity.High], AccountIds = ["111111111111"] },
                f => Active(f) && f.Severity is Severity.Critical or Severity.High && f.AwsAccountId == "111111111111"),
            "everyField" => (new FindingFilter
            {
                Severities = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low],
                AccountIds = ["111111111111", "333333333333"],
                Regions = ["us-east-1", "eu-west-1"],
                ProductNames = ["Security Hub", "GuardDuty", "Inspector"],
                WorkflowStatuses = ["NEW", "NOTIFIED", "SUPPRESSED"],
                ComplianceStatuses = ["FAILED", "PASSED"],
                RecordStates = ["ACTIVE", "ARCHIVED"],
                ResourceTypes = ["AwsS3Bucket", "AwsEc2Instance"],
                ControlIds = ["S3.1", "EC2.2"],
                Text = "b",
            }, f => f.Severity != Severity.Informational && f.AwsAccountId != "222222222222" && f.WorkflowStatus != "RESOLVED"
                && f.ComplianceStatus is "FAILED" or "PASSED" && f.ResourceType is not null && f.ControlId is "S3.1" or "EC2.2"
                && (f.Title.Contains('b', StringComparison.OrdinalIgnoreCase) || (f.ResourceId?.Contains('b', StringComparison.OrdinalIgnoreCase) ?? false))),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task GetPageAsync_Filter_ReturnsExactlyTheMatchingFindings(string name)
    {
        await using var db = await TestDatabase.CreateAsync();
        var seed = QuerySeed.Build();
        await db.Store.UpsertAsync(seed, Ct);
        var (filter, matches) = Case(name);
        var expected = seed.Where(matches).Select(f => f.Id).Order().ToList();

        var page = await db.Queries.GetPageAsync(filter, 0, 1000, Ct);

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < seed.Count || name == "includeArchived", "the case filters something out");
        Assert.Equal(expected.Count, page.TotalCount);
        Assert.Equal(expected, page.Rows.Select(r => r.Id).Order().ToList());
    }

    public static TheoryData<FindingSortField, bool> SortCases()
    {
        var data = new TheoryData<FindingSortField, bool>();
        foreach (var field in Enum.GetValues<FindingSortField>())
        {
            data.Add(field, true);
            data.Add(field, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SortCases))]
    public async Task GetPageAsync_SortField_OrdersByFieldThenStableTieBreaker(FindingSortField field, bool descending)
    {
        await using var db = await TestDatabase.CreateAsync();
        var seed = QuerySeed.Build();
        await db.Store.UpsertAsync(seed, Ct);
        var expected = ExpectedOrder(seed.Where(f => f.RecordState == "ACTIVE"), seed, field, descending);

        var page = await db.Queries.GetPageAsync(new FindingFilter { SortBy = field, SortDescending = descending }, 0, 1000, Ct);

        Assert.Equal(expected, page.Rows.Select(r => r.Id).ToList());
    }

    [Fact]
    public async Task GetPageAsync_Default_HidesArchivedAndSortsMostSevereFirst()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seed = QuerySeed.Build();
        await db.Store.UpsertAsync(seed, Ct);

        var page = await db.Queries.GetPageAsync(FindingFilter.Default, 0, 1000, Ct);

        Assert.Equal(seed.Count(f => f.RecordState == "ACTIVE"), page.TotalCount);
        Assert.DoesNotContain(page.Rows, r => r.RecordState == "ARCHIVED");
        Assert.Equal(Severity.Critical, page.Rows[0].Severity);
        Assert.Equal(Severity.Informational, page.Rows[^1].Severity);
    }

    [Fact]
    public async Task GetPageAsync_Pages_CoverEveryRowOnceInOrder()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Store.UpsertAsync(QuerySeed.Build(), Ct);
        var filter = new FindingFilter { IncludeArchived = true, SortBy = FindingSortField.Title };
        var all = await db.Queries.GetPageAsync(filter, 0, 1000, Ct);

        var pages = new List<FindingPage>();
        for (var skip = 0; skip < all.TotalCount; skip += 7)
            pages.Add(await db.Queries.GetPageAsync(filter, skip, 7, Ct));

        Assert.Equal(60, all.TotalCount);
        Assert.All(pages, p => Assert.Equal(60, p.TotalCount));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(7, p.Rows.Count));
        Assert.Equal(all.Rows.Select(r => r.Id), pages.SelectMany(p => p.Rows).Select(r => r.Id));
    }

    [Fact]
    public async Task GetPageAsync_SkipPastTheEnd_ReturnsNoRowsButTheTotal()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.Store.UpsertAsync(QuerySeed.Build(), Ct);

        var page = await db.Queries.GetPageAsync(new FindingFilter { IncludeArchived = true }, 500, 10, Ct);

        Assert.Empty(page.Rows);
        Assert.Equal(60, page.TotalCount);
    }

    [Theory]
    [InlineData("100%", new[] { "100% encrypted" })]
    [InlineData("0%", new[] { "100% encrypted" })]
    [InlineData("_case", new[] { "snake_case name" })]
    [InlineData("SNAKE", new[] { "snake_case name", "snakeXcase name" })]
    [InlineData(@"c:\temp", new[] { @"path c:\temp" })]
    [InlineData("bucket-9", new[] { "on a bucket" })]
    public async Task GetPageAsync_Text_IsCaseInsensitiveAndTakesWildcardsLiterally(string text, string[] expectedTitles)
    {
        await using var db = await TestDatabase.CreateAsync();
        string[] titles = ["100% encrypted", "1000 encrypted", "snake_case name", "snakeXcase name", @"path c:\temp", "path c:xtemp", "on a bucket"];
        await db.Store.UpsertAsync(titles.Select((t, i) => TestFindings.Make($"t{i}") with
        {
            Title = t,
            ResourceId = t == "on a bucket" ? "arn:aws:s3:::BUCKET-9" : $"res-{i}",
        }).ToList(), Ct);

        var page = await db.Queries.GetPageAsync(new FindingFilter { Text = text }, 0, 50, Ct);

        Assert.Equal(expectedTitles.Order(), page.Rows.Select(r => r.Title).Order());
        Assert.Equal(expectedTitles.Length, page.TotalCount);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, 100_000)]
    public async Task GetPageAsync_BadPaging_ThrowsNamingTheArgument(int skip, int take)
    {
        await using var db = await TestDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => db.Queries.GetPageAsync(FindingFilter.Default, skip, take, Ct));

        Assert.Equal(skip < 0 ? "skip" : "take", error.ParamName);
    }

    [Fact]
    public async Task StreamAsync_Filter_YieldsEveryMatchInPageOrderWithRawJson()
    {
        await using var db = await TestDatabase.CreateAsync();
        var seed = QuerySeed.Build();
        await db.Store.UpsertAsync(seed, Ct);
        var filter = new FindingFilter { Regions = ["us-east-1"], IncludeArchived = true, SortBy = FindingSortField.AccountId, SortDescending = false };
        var page = await db.Queries.GetPageAsync(filter, 0, 1000, Ct);

        var streamed = new List<FindingDetail>();
        await foreach (var detail in db.Queries.StreamAsync(filter, Ct)) streamed.Add(detail);

        Assert.Equal(page.Rows, streamed.Select(d => d.Row));
        Assert.All(streamed, d => Assert.Equal(seed.Single(f => f.Id == d.Row.Id).RawJson, d.RawJson));
    }

    /// <summary>
    /// The order the page promises, computed in memory: the field (nulls first ascending, as SQLite),
    /// then severity for the text fields, then Key (the order of first arrival), all one direction.
    /// </summary>
    internal static List<string> ExpectedOrder(IEnumerable<FindingRecord> rows, List<FindingRecord> seed, FindingSortField field, bool descending)
    {
        int Key(FindingRecord f) => seed.IndexOf(f);
        IComparable? Value(FindingRecord f) => field switch
        {
            FindingSortField.Severity => (int)f.Severity,
            FindingSortField.UpdatedAt => f.UpdatedAt,
            FindingSortField.CreatedAt => f.CreatedAt,
            FindingSortField.Title => f.Title,
            FindingSortField.AccountId => f.AwsAccountId,
            FindingSortField.Region => f.Region,
            FindingSortField.ProductName => f.ProductName,
            FindingSortField.ControlId => f.ControlId,
            FindingSortField.WorkflowStatus => f.WorkflowStatus,
            FindingSortField.ComplianceStatus => f.ComplianceStatus,
            FindingSortField.ResourceType => f.ResourceType,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        int Compare(FindingRecord a, FindingRecord b)
        {
            var c = CompareValues(Value(a), Value(b));
            var textField = field is not (FindingSortField.Severity or FindingSortField.UpdatedAt or FindingSortField.CreatedAt);
            if (c == 0 && textField) c = a.Severity.CompareTo(b.Severity);
            if (c == 0) c = Key(a).CompareTo(Key(b));
            return descending ? -c : c;
        }
        var list = rows.ToList();
        list.Sort(Compare);
        return list.Select(f => f.Id).ToList();
    }

    private static int CompareValues(IComparable? a, IComparable? b)
        => (a, b) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string x, string y) => string.CompareOrdinal(x, y),
            _ => a.CompareTo(b),
        };
}
