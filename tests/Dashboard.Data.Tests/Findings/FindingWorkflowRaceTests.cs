using System.Text.Json.Nodes;
using Dashboard.Core.Findings;
using Dashboard.Core.Sync;
using Dashboard.Data.Findings;
using Dashboard.Data.Sync;
using Dashboard.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Data.Tests.Findings;

/// <summary>
/// A sync page read before a dashboard workflow change committed, stored after it: the change must survive
/// (BatchUpdateFindings does not move UpdatedAt, so no incremental sync would read the finding again),
/// while everything else the page carries, and any later read or provider update, lands as usual.
/// </summary>
public sealed class FindingWorkflowRaceTests
{
    private static readonly DateTimeOffset FetchedAt = TestFindings.T0.AddHours(1);
    private static readonly DateTimeOffset ChangedAt = FetchedAt.AddSeconds(10);
    private const string Account = "111111111111";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A finding as Security Hub serves it, with its workflow in the JSON.</summary>
    private static FindingRecord Finding(string id, string status = "NEW", string title = "Open bucket") => TestFindings.Make(id) with
    {
        Title = title,
        WorkflowStatus = status,
        RawJson = $$"""{"Id":"{{id}}","Title":"{{title}}","Workflow":{"Status":"{{status}}"},"WorkflowState":"{{status}}","RecordState":"ACTIVE"}""",
    };

    [Fact]
    public async Task UpsertAndRecordAsync_PageReadBeforeWorkflowChange_KeepsTheChangeAndCountsItUnchanged()
    {
        // Arrange: the cache holds "a" as NEW; a sync reads it as NEW; then the dashboard resolves it.
        await using var db = await TestDatabase.CreateAsync();
        var cached = Finding("a");
        await db.Store.UpsertAsync([cached, Finding("b")], Ct);
        var stalePage = FetchedFindings.At(FetchedAt, [cached, Finding("b")]);
        await ResolveAsync(db, cached);
        var afterChange = await db.Queries.GetDetailAsync("a", cached.ProductArn, Ct);
        var runId = await db.Runs.StartRunAsync("test", FetchedAt, Ct);

        // Act: the sync stores its page.
        var recorded = await db.Store.UpsertAndRecordAsync(stalePage, Bookkeeping(runId), Ct);

        // Assert: the dashboard's status and JSON stay; nothing counted as updated, both findings accounted for.
        Assert.Equal((0, 0, 2), (recorded.New, recorded.Updated, recorded.Unchanged));
        var stored = await db.Queries.GetDetailAsync("a", cached.ProductArn, Ct);
        Assert.Equal("RESOLVED", stored!.Row.WorkflowStatus);
        Assert.Equal(afterChange!.RawJson, stored.RawJson);
        Assert.Equal([new CountBy("NEW", 1), new CountBy("RESOLVED", 1)], (await db.Queries.GetOverviewAsync(Ct)).ByWorkflowStatus);
        Assert.Equivalent(recorded, Assert.Single((await db.Runs.GetRunAsync(runId, Ct))!.Targets), strict: true);
    }

    [Fact]
    public async Task UpsertAndRecordAsync_StalePageWithProviderUpdateOlderThanTheChange_StoresTheUpdateButKeepsTheWorkflow()
    {
        // Arrange: the provider retitled "a" before the dashboard change, and the sync read that version before the change.
        await using var db = await TestDatabase.CreateAsync();
        var cached = Finding("a");
        await db.Store.UpsertAsync([cached], Ct);
        var retitled = Finding("a", title: "Open bucket, now public") with { UpdatedAt = TestFindings.T0.AddMinutes(30) };
        var stalePage = FetchedFindings.At(FetchedAt, [retitled]);
        await ResolveAsync(db, cached);

        // Act
        var recorded = await db.Store.UpsertAndRecordAsync(stalePage, Bookkeeping(await db.Runs.StartRunAsync("test", FetchedAt, Ct)), Ct);

        // Assert
        Assert.Equal((0, 1, 0), (recorded.New, recorded.Updated, recorded.Unchanged));
        var stored = await db.Queries.GetDetailAsync("a", cached.ProductArn, Ct);
        Assert.Equal(("Open bucket, now public", retitled.UpdatedAt, "RESOLVED"), (stored!.Row.Title, stored.Row.UpdatedAt, stored.Row.WorkflowStatus));
        var json = JsonNode.Parse(stored.RawJson)!;
        Assert.Equal("Open bucket, now public", json["Title"]!.GetValue<string>());
        Assert.Equal("RESOLVED", json["Workflow"]!["Status"]!.GetValue<string>());
        Assert.Equal("RESOLVED", json["WorkflowState"]!.GetValue<string>());
        Assert.Equal("Fixed in change 42", json["Note"]!["Text"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpsertAndRecordAsync_LaterPageCarryingTheNewStatus_StoresItAsFetched()
    {
        // Arrange: after the race, a page requested after the change carries AWS's own copy (its Note stamped by AWS).
        await using var db = await TestDatabase.CreateAsync();
        var cached = Finding("a");
        await db.Store.UpsertAsync([cached], Ct);
        await ResolveAsync(db, cached);
        await db.Store.UpsertAndRecordAsync(FetchedFindings.At(FetchedAt, [cached]), Bookkeeping(await db.Runs.StartRunAsync("race", FetchedAt, Ct)), Ct);
        var fromAws = Finding("a", status: "RESOLVED") with
        {
            RawJson = """{"Id":"a","Title":"Open bucket","Workflow":{"Status":"RESOLVED"},"WorkflowState":"RESOLVED","RecordState":"ACTIVE","Note":{"Text":"Fixed in change 42","UpdatedBy":"demo-analyst","UpdatedAt":"2025-03-01T13:00:11.000Z"}}""",
        };

        // Act: once as it differs from the cache's copy, once more as a later sync reads it again.
        var first = await db.Store.UpsertAndRecordAsync(FetchedFindings.At(ChangedAt.AddMinutes(1), [fromAws]), Bookkeeping(await db.Runs.StartRunAsync("next", ChangedAt, Ct)), Ct);
        var second = await db.Store.UpsertAndRecordAsync(FetchedFindings.At(ChangedAt.AddMinutes(2), [fromAws]), Bookkeeping(await db.Runs.StartRunAsync("after", ChangedAt, Ct)), Ct);

        // Assert
        Assert.Equal((0, 1, 0), (first.New, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 1), (second.New, second.Updated, second.Unchanged));
        var stored = await db.Queries.GetDetailAsync("a", cached.ProductArn, Ct);
        Assert.Equal(("RESOLVED", fromAws.RawJson), (stored!.Row.WorkflowStatus, stored.RawJson));
    }

    [Fact]
    public async Task UpsertAndRecordAsync_StalePageWithProviderUpdateAfterTheChange_AwsIsAuthoritative()
    {
        // Arrange: Security Hub reopened "a" (a new provider update, UpdatedAt after the change) and the page,
        // requested before the change was acknowledged, returned that version.
        await using var db = await TestDatabase.CreateAsync();
        var cached = Finding("a");
        await db.Store.UpsertAsync([cached], Ct);
        await ResolveAsync(db, cached);
        var reopened = Finding("a", status: "NEW", title: "Open bucket again") with { UpdatedAt = ChangedAt.AddSeconds(1) };

        // Act
        var recorded = await db.Store.UpsertAndRecordAsync(FetchedFindings.At(FetchedAt, [reopened]), Bookkeeping(await db.Runs.StartRunAsync("test", FetchedAt, Ct)), Ct);

        // Assert
        Assert.Equal(1, recorded.Updated);
        var stored = await db.Queries.GetDetailAsync("a", cached.ProductArn, Ct);
        Assert.Equal(("NEW", reopened.RawJson), (stored!.Row.WorkflowStatus, stored.RawJson));
    }

    [Fact]
    public async Task UpsertAndRecordAsync_PageRequestedAfterTheChange_StoresAStatusChangedElsewhere()
    {
        // Arrange: after the dashboard resolved "a", someone suppressed it in the console (UpdatedAt unmoved);
        // a page requested after the dashboard's change reads that.
        await using var db = await TestDatabase.CreateAsync();
        var cached = Finding("a");
        await db.Store.UpsertAsync([cached], Ct);
        await ResolveAsync(db, cached);
        var suppressed = Finding("a", status: "SUPPRESSED");

        // Act
        var recorded = await db.Store.UpsertAndRecordAsync(FetchedFindings.At(ChangedAt.AddTicks(1), [suppressed]), Bookkeeping(await db.Runs.StartRunAsync("test", FetchedAt, Ct)), Ct);

        // Assert
        Assert.Equal(1, recorded.Updated);
        Assert.Equal("SUPPRESSED", (await db.Queries.GetDetailAsync("a", cached.ProductArn, Ct))!.Row.WorkflowStatus);
        Assert.Equal([new CountBy("SUPPRESSED", 1)], (await db.Queries.GetOverviewAsync(Ct)).ByWorkflowStatus);
    }

    [Fact]
    public async Task UpsertAndRecordAsync_TwoChangesSinceTheRead_KeepsTheLatest()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var cached = Finding("a");
        await db.Store.UpsertAsync([cached], Ct);
        var store = new FindingWorkflowStore(db.Factory, NullLogger<FindingWorkflowStore>.Instance);
        await ResolveAsync(db, cached);
        await store.ApplyAsync([new FindingWorkflowChange(new FindingKey("a", cached.ProductArn), Account, "us-east-1", "SUPPRESSED", "Accepted", "demo-lead", ChangedAt.AddMinutes(1))], Ct);
        var expected = (await db.Queries.GetDetailAsync("a", cached.ProductArn, Ct))!.RawJson;

        // Act
        var recorded = await db.Store.UpsertAndRecordAsync(FetchedFindings.At(FetchedAt, [cached]), Bookkeeping(await db.Runs.StartRunAsync("test", FetchedAt, Ct)), Ct);

        // Assert
        Assert.Equal(1, recorded.Unchanged);
        var stored = await db.Queries.GetDetailAsync("a", cached.ProductArn, Ct);
        Assert.Equal(("SUPPRESSED", expected), (stored!.Row.WorkflowStatus, stored.RawJson));
    }

    [Fact]
    public async Task UpsertAsync_ImportOfAStaleCopy_IsStoredAsGiven()
    {
        // An import states what to store; only a sync knows when it read each finding.
        await using var db = await TestDatabase.CreateAsync();
        var cached = Finding("a");
        await db.Store.UpsertAsync([cached], Ct);
        await ResolveAsync(db, cached);

        var result = await db.Store.UpsertAsync([cached], Ct);

        Assert.Equal(1, result.Updated);
        Assert.Equal("NEW", (await db.Queries.GetDetailAsync("a", cached.ProductArn, Ct))!.Row.WorkflowStatus);
    }

    [Fact]
    public async Task ChangesSince_QueryPlan_ReadsTheChangedAtIndexInsteadOfScanningTheAuditTrail()
    {
        // Every account-Region's write runs it: the audit trail only grows, so it must be a range read.
        await using var db = await TestDatabase.CreateAsync();
        await using var context = await db.Factory.CreateDbContextAsync(Ct);
        await context.Database.OpenConnectionAsync(Ct);
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + FindingWorkflowGuard.ChangesSince.Replace("$since", "0");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(Ct)) lines.Add(reader.GetString(3));

        var plan = string.Join(" | ", lines);
        Assert.Contains("USING INDEX IX_FindingWorkflowChanges_ChangedAtTicks", plan);
        Assert.DoesNotContain("SCAN", plan);
    }

    private static Task<int> ResolveAsync(TestDatabase db, FindingRecord f)
        => new FindingWorkflowStore(db.Factory, NullLogger<FindingWorkflowStore>.Instance).ApplyAsync(
            [new FindingWorkflowChange(new FindingKey(f.Id, f.ProductArn), Account, "us-east-1", "RESOLVED", "Fixed in change 42", "demo-analyst", ChangedAt)], Ct);

    private static FindingsTargetBookkeeping Bookkeeping(long runId) => new(
        runId,
        new SyncWatermark(Account, "us-east-1", TestFindings.T0, FetchedAt),
        stored => new SyncTargetResult
        {
            AccountId = Account, Region = "us-east-1", Status = SyncTargetStatus.Succeeded, FullRefresh = true,
            New = stored.New, Updated = stored.Updated, Unchanged = stored.Unchanged, Pages = 1,
            StartedAt = FetchedAt, FinishedAt = FetchedAt.AddSeconds(3),
        });
}
