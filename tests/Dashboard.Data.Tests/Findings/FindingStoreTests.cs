using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using Dashboard.Data.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Tests.Findings;

public sealed class FindingStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpsertAsync_NewFindings_CountsNewAndStoresThem()
    {
        await using var db = await TestDatabase.CreateAsync();
        var findings = Enumerable.Range(1, 5).Select(i => TestFindings.Make($"f{i}")).ToList();

        var result = await db.Store.UpsertAsync(findings, Ct);

        Assert.Equal(new UpsertResult(5, 0, 0), result);
        var page = await db.Queries.GetPageAsync(FindingFilter.Default, 0, 50, Ct);
        Assert.Equal(5, page.TotalCount);
        Assert.Equal(findings.Select(f => f.Id).Order(), page.Rows.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task UpsertAsync_SameFindingsAgain_CountsUnchanged()
    {
        await using var db = await TestDatabase.CreateAsync();
        var findings = Enumerable.Range(1, 4).Select(i => TestFindings.Make($"f{i}")).ToList();
        await db.Store.UpsertAsync(findings, Ct);

        var result = await db.Store.UpsertAsync(findings, Ct);

        Assert.Equal(new UpsertResult(0, 0, 4), result);
    }

    [Fact]
    public async Task UpsertAsync_MixOfNewChangedAndSame_CountsEachKind()
    {
        await using var db = await TestDatabase.CreateAsync();
        var a = TestFindings.Make("a");
        var b = TestFindings.Make("b");
        var c = TestFindings.Make("c");
        await db.Store.UpsertAsync([a, b, c], Ct);
        // b: newer UpdatedAt; c: same UpdatedAt but the JSON changed (BatchUpdateFindings does that).
        var b2 = TestFindings.Touched(b, TimeSpan.FromHours(1)) with { WorkflowStatus = "NOTIFIED" };
        var c2 = c with { WorkflowStatus = "SUPPRESSED", RawJson = c.RawJson.Replace("}", ",\"Workflow\":\"SUPPRESSED\"}") };

        var result = await db.Store.UpsertAsync([a, b2, c2, TestFindings.Make("d")], Ct);

        Assert.Equal(new UpsertResult(1, 2, 1), result);
        var b2Stored = await db.Queries.GetDetailAsync("b", b.ProductArn, Ct);
        Assert.Equal("NOTIFIED", b2Stored!.Row.WorkflowStatus);
        Assert.Equal(b2.UpdatedAt, b2Stored.Row.UpdatedAt);
        Assert.Equal(b2.RawJson, b2Stored.RawJson);
        var c2Stored = await db.Queries.GetDetailAsync("c", c.ProductArn, Ct);
        Assert.Equal("SUPPRESSED", c2Stored!.Row.WorkflowStatus);
        Assert.Equal(c2.RawJson, c2Stored.RawJson);
    }

    [Fact]
    public async Task UpsertAsync_ReobservedOnly_UpdatesTimesAndJsonAndTheUpdatedAtOrder()
    {
        // Only UpdatedAt, LastObservedAt and the JSON move: the quiet path that leaves the other indexes alone.
        await using var db = await TestDatabase.CreateAsync();
        var a = TestFindings.Make("a");
        var b = TestFindings.Make("b");
        await db.Store.UpsertAsync([a, b], Ct);
        var a2 = TestFindings.Touched(a, TimeSpan.FromDays(2)) with { LastObservedAt = a.UpdatedAt.AddDays(2) };
        var b2 = TestFindings.Touched(b, TimeSpan.FromHours(1)) with { Severity = Core.Findings.Severity.Critical, SeverityNormalized = 90 };

        var result = await db.Store.UpsertAsync([a2, b2], Ct);

        Assert.Equal(new UpsertResult(0, 2, 0), result);
        var stored = await db.Queries.GetDetailAsync("a", a.ProductArn, Ct);
        Assert.Equal(a2.UpdatedAt, stored!.Row.UpdatedAt);
        Assert.Equal(a2.RawJson, stored.RawJson);
        var newestFirst = await db.Queries.GetPageAsync(new Core.Findings.FindingFilter { SortBy = Core.Findings.FindingSortField.UpdatedAt }, 0, 10, Ct);
        Assert.Equal(["a", "b"], newestFirst.Rows.Select(r => r.Id));
        var critical = await db.Queries.GetPageAsync(new Core.Findings.FindingFilter { Severities = [Core.Findings.Severity.Critical] }, 0, 10, Ct);
        Assert.Equal("b", Assert.Single(critical.Rows).Id);
        // A second identical call changes nothing either way.
        Assert.Equal(new UpsertResult(0, 0, 2), await db.Store.UpsertAsync([a2, b2], Ct));
    }

    [Fact]
    public async Task UpsertAsync_SameKeyDifferentProduct_AreTwoFindings()
    {
        await using var db = await TestDatabase.CreateAsync();
        var a = TestFindings.Make("same-id");
        var b = a with { ProductArn = "arn:aws:securityhub:us-east-1::product/aws/guardduty", ProductName = "GuardDuty" };

        var result = await db.Store.UpsertAsync([a, b], Ct);

        Assert.Equal(new UpsertResult(2, 0, 0), result);
        Assert.Equal("GuardDuty", (await db.Queries.GetDetailAsync("same-id", b.ProductArn, Ct))!.Row.ProductName);
    }

    [Fact]
    public async Task UpsertAsync_UnchangedFindingWithOtherColumnValues_KeepsStoredValues()
    {
        await using var db = await TestDatabase.CreateAsync();
        var original = TestFindings.Make("a");
        await db.Store.UpsertAsync([original], Ct);
        // Same UpdatedAt and raw JSON: the cache keeps what it has, whatever the columns say.
        var sameAsReceived = original with { Title = "Something else", Severity = Severity.Critical };

        var result = await db.Store.UpsertAsync([sameAsReceived], Ct);

        Assert.Equal(new UpsertResult(0, 0, 1), result);
        var stored = await db.Queries.GetDetailAsync("a", original.ProductArn, Ct);
        Assert.Equal(original.Title, stored!.Row.Title);
        Assert.Equal(Severity.Medium, stored.Row.Severity);
        Assert.Equal(original.RawJson, stored.RawJson);
    }

    [Fact]
    public async Task UpsertAsync_SameFindingTwiceInOneCall_LastCopyWins()
    {
        await using var db = await TestDatabase.CreateAsync();
        var first = TestFindings.Make("dup");
        var second = TestFindings.Touched(first, TimeSpan.FromMinutes(5)) with { Title = "Second" };

        var result = await db.Store.UpsertAsync([first, second], Ct);

        Assert.Equal(new UpsertResult(1, 1, 0), result);
        var stored = await db.Queries.GetDetailAsync("dup", first.ProductArn, Ct);
        Assert.Equal("Second", stored!.Row.Title);
        Assert.Equal(1, (await db.Queries.GetPageAsync(FindingFilter.Default, 0, 10, Ct)).TotalCount);
    }

    [Fact]
    public async Task UpsertAsync_EmptyList_WritesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();

        var result = await db.Store.UpsertAsync([], Ct);

        Assert.Equal(new UpsertResult(0, 0, 0), result);
    }

    [Fact]
    public async Task UpsertAsync_FindingWithoutRequiredValue_ThrowsNamingItAndStoresNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var good = TestFindings.Make("good");
        var bad = TestFindings.Make("bad") with { Title = null! };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => db.Store.UpsertAsync([good, bad], Ct));

        Assert.Contains("#1", error.Message);
        Assert.Contains("Title", error.Message);
        Assert.Equal(0, (await db.Queries.GetPageAsync(FindingFilter.Default, 0, 10, Ct)).TotalCount);
    }

    [Fact]
    public async Task UpsertAsync_CancelledMidway_RollsBackAndKeepsEarlierRows()
    {
        await using var db = await TestDatabase.CreateAsync();
        var earlier = Enumerable.Range(0, 20).Select(i => TestFindings.Make($"old{i}")).ToList();
        await db.Store.UpsertAsync(earlier, Ct);
        var overviewBefore = await db.Queries.GetOverviewAsync(Ct);
        // 2,000 findings: the first 20 rewrite the earlier ones, the rest are new. The store reads the
        // list twice (checks, then writes): the second read of finding 1,000 cancels the call after
        // about a thousand rows were staged in the transaction.
        var batch = earlier.Select(f => TestFindings.Touched(f, TimeSpan.FromDays(1)) with { Severity = Severity.Critical })
            .Concat(Enumerable.Range(0, 1980).Select(i => TestFindings.Make($"new{i}")))
            .ToList();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var cancelling = new CancelOnAccess(batch, index: 1000, accessNumber: 2, cts);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Store.UpsertAsync(cancelling, cts.Token));

        Assert.True(cancelling.Cancelled, "the call was cancelled while writing, not before");
        var page = await db.Queries.GetPageAsync(FindingFilter.Default, 0, 100, Ct);
        Assert.Equal(20, page.TotalCount);
        Assert.All(page.Rows, r => Assert.Equal(Severity.Medium, r.Severity));
        Assert.All(page.Rows, r => Assert.StartsWith("old", r.Id));
        Assert.Equivalent(overviewBefore, await db.Queries.GetOverviewAsync(Ct), strict: true);
        // The connection the failed call used is usable again (its staging table went with the rollback).
        Assert.Equal(new UpsertResult(1980, 20, 0), await db.Store.UpsertAsync(batch, Ct));
    }

    [Fact]
    public async Task UpsertAsync_DatabaseFailsMidway_RollsBackEverything()
    {
        await using var db = await TestDatabase.CreateAsync();
        var earlier = Enumerable.Range(0, 10).Select(i => TestFindings.Make($"old{i}")).ToList();
        await db.Store.UpsertAsync(earlier, Ct);
        var overviewBefore = await db.Queries.GetOverviewAsync(Ct);
        // The last finding's JSON is refused by the database itself, after the findings rows and
        // the other JSON rows of the call were written.
        await using (var context = await db.Factory.CreateDbContextAsync(Ct))
        {
            await context.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER "RefuseBoom" BEFORE INSERT ON "FindingJson"
                WHEN NEW."RawJson" LIKE '%boom%' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END;
                """, Ct);
        }
        var batch = earlier.Select(f => TestFindings.Touched(f, TimeSpan.FromDays(1)) with { Title = "Rewritten" })
            .Append(TestFindings.Make("new", rawExtra: "boom"))
            .ToList();

        var error = await Assert.ThrowsAsync<SqliteException>(() => db.Store.UpsertAsync(batch, Ct));

        Assert.Contains("refused by test trigger", error.Message);
        var page = await db.Queries.GetPageAsync(FindingFilter.Default, 0, 100, Ct);
        Assert.Equal(10, page.TotalCount);
        Assert.All(page.Rows, r => Assert.StartsWith("Title of old", r.Title));
        var detail = await db.Queries.GetDetailAsync("old3", earlier[3].ProductArn, Ct);
        Assert.Equal(earlier[3].RawJson, detail!.RawJson);
        Assert.Equivalent(overviewBefore, await db.Queries.GetOverviewAsync(Ct), strict: true);
    }

    [Fact]
    public async Task UpsertAsync_ManyChanges_SummaryEqualsRebuiltSummary()
    {
        await using var db = await TestDatabase.CreateAsync();
        var random = new Random(7);
        string[] accounts = ["111111111111", "222222222222", "333333333333"];
        string?[] compliance = ["FAILED", "PASSED", null];
        FindingRecord Random(int i, int version) => TestFindings.Make($"f{i}", $"v{version}") with
        {
            AwsAccountId = accounts[random.Next(accounts.Length)],
            Severity = (Severity)random.Next(5),
            ComplianceStatus = compliance[random.Next(compliance.Length)],
            ControlId = $"EC2.{random.Next(4)}",
            Title = $"Control title {random.Next(3)}",
            RecordState = random.Next(4) == 0 ? "ARCHIVED" : "ACTIVE",
            WorkflowStatus = random.Next(2) == 0 ? "NEW" : "RESOLVED",
            UpdatedAt = TestFindings.T0.AddMinutes(version),
        };
        for (var round = 0; round < 4; round++)
            await db.Store.UpsertAsync(Enumerable.Range(0, 300).Where(i => random.Next(3) > 0).Select(i => Random(i, round)).ToList(), Ct);
        var incremental = await db.Queries.GetOverviewAsync(Ct);
        var options = await db.Queries.GetFilterOptionsAsync(Ct);

        await db.Store.RebuildSummaryAsync(Ct);

        Assert.Equivalent(await db.Queries.GetOverviewAsync(Ct), incremental, strict: true);
        Assert.Equivalent(await db.Queries.GetFilterOptionsAsync(Ct), options, strict: true);
    }

    [Fact]
    public async Task UpsertAsync_RealAsffFindings_RawJsonRoundTripsExactly()
    {
        await using var db = await TestDatabase.CreateAsync();
        var real = RealFindings.Load();

        var result = await db.Store.UpsertAsync(real, Ct);

        Assert.True(real.Count > 100, $"expected the shared ASFF samples, found {real.Count}");
        Assert.Equal(real.Count, result.New + result.Updated + result.Unchanged);
        foreach (var f in real.DistinctBy(f => (f.Id, f.ProductArn)).Take(50))
        {
            var last = real.Last(r => r.Id == f.Id && r.ProductArn == f.ProductArn);
            var stored = await db.Queries.GetDetailAsync(f.Id, f.ProductArn, Ct);
            Assert.Equal(last.RawJson, stored!.RawJson);
        }
    }

    /// <summary>A list that cancels a token when one item is read for the n-th time (the store reads each item in passes).</summary>
    private sealed class CancelOnAccess(IReadOnlyList<FindingRecord> inner, int index, int accessNumber, CancellationTokenSource cts)
        : IReadOnlyList<FindingRecord>
    {
        private int _accesses;

        public bool Cancelled { get; private set; }

        public FindingRecord this[int i]
        {
            get
            {
                if (i == index && ++_accesses == accessNumber)
                {
                    cts.Cancel();
                    Cancelled = true;
                }
                return inner[i];
            }
        }

        public int Count => inner.Count;
        public IEnumerator<FindingRecord> GetEnumerator() => inner.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
