using System.Text.Json.Nodes;
using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using Dashboard.Data.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Data.Tests.Findings;

public sealed class FindingWorkflowStoreTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 2, 9, 30, 0, TimeSpan.Zero);

    // An ASFF-shaped finding with what a careless rewrite would lose: nested objects, arrays, unusual number text, non-ASCII.
    private const string Asff = """
        {"SchemaVersion":"2018-10-08","Id":"ID","ProductArn":"arn:aws:securityhub:us-east-1::product/aws/securityhub",
         "Severity":{"Label":"MEDIUM","Normalized":40,"Original":"4.50"},"Confidence":1.0E2,
         "Title":"Bucket ünïcode <b>","Resources":[{"Type":"AwsS3Bucket","Id":"arn:aws:s3:::b","Tags":{"team":"a"}}],
         "Workflow":{"Status":"NEW"},"WorkflowState":"NEW","RecordState":"ACTIVE","UserDefinedFields":{"k":"v"}}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApplyAsync_ProcessedFinding_UpdatesStatusJsonAndCountsAndRecordsTheChange()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var (store, queries) = Services(db);
        var findings = new[] { "a", "b", "c" }.Select(id => TestFindings.Make(id) with { RawJson = Asff.Replace("\"ID\"", $"\"{id}\"") }).ToArray();
        await db.Store.UpsertAsync(findings, Ct);
        var key = new FindingKey("b", findings[1].ProductArn);

        // Act
        var updated = await store.ApplyAsync([Change(key, "SUPPRESSED", "Accepted risk <ok>")], Ct);

        // Assert
        Assert.Equal(1, updated);
        var detail = await db.Queries.GetDetailAsync("b", key.ProductArn, Ct);
        Assert.Equal("SUPPRESSED", detail!.Row.WorkflowStatus);
        Assert.Equal(findings[1].UpdatedAt, detail.Row.UpdatedAt);
        var json = JsonNode.Parse(detail.RawJson)!.AsObject();
        Assert.Equal("SUPPRESSED", json["Workflow"]!["Status"]!.GetValue<string>());
        Assert.Equal("DEFERRED", json["WorkflowState"]!.GetValue<string>());
        Assert.Equal("Accepted risk <ok>", json["Note"]!["Text"]!.GetValue<string>());
        Assert.Equal("demo-analyst", json["Note"]!["UpdatedBy"]!.GetValue<string>());
        Assert.Equal("2025-03-02T09:30:00.000Z", json["Note"]!["UpdatedAt"]!.GetValue<string>());
        // Nothing else in the JSON changed, not even the text of its numbers.
        Assert.Contains("\"Confidence\":1.0E2", detail.RawJson);
        Assert.Contains("ünïcode", detail.RawJson);
        var original = JsonNode.Parse(findings[1].RawJson)!.AsObject();
        foreach (var name in new[] { "Workflow", "WorkflowState", "Note" })
        {
            original.Remove(name);
            json.Remove(name);
        }
        Assert.True(JsonNode.DeepEquals(original, json));
        // The other findings are untouched.
        Assert.Equal(findings[0].RawJson, (await db.Queries.GetDetailAsync("a", key.ProductArn, Ct))!.RawJson);
        var byWorkflow = (await db.Queries.GetOverviewAsync(Ct)).ByWorkflowStatus;
        Assert.Equal([new CountBy("NEW", 2), new CountBy("SUPPRESSED", 1)], byWorkflow);
        var entry = Assert.Single(await queries.GetHistoryAsync(key, ct: Ct));
        Assert.Equal(new FindingWorkflowHistoryEntry("NEW", "SUPPRESSED", "Accepted risk <ok>", "demo-analyst", At), entry);
    }

    [Fact]
    public async Task ApplyAsync_ManyChanges_SummaryEqualsRebuiltSummary()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var (store, _) = Services(db);
        var findings = Enumerable.Range(0, 40).Select(i => TestFindings.Make($"f{i}") with
        {
            AwsAccountId = i % 2 == 0 ? "111111111111" : "222222222222",
            Severity = (Severity)(i % 5),
            WorkflowStatus = i % 3 == 0 ? "NOTIFIED" : "NEW",
        }).ToList();
        await db.Store.UpsertAsync(findings, Ct);
        string[] statuses = ["RESOLVED", "SUPPRESSED", "NEW", "NOTIFIED"];

        // Act
        await store.ApplyAsync([.. findings.Where((_, i) => i % 4 != 1).Select((f, i) => Change(new FindingKey(f.Id, f.ProductArn), statuses[i % 4], "n"))], Ct);
        var incremental = await db.Queries.GetOverviewAsync(Ct);
        await db.Store.RebuildSummaryAsync(Ct);

        // Assert
        Assert.Equivalent(await db.Queries.GetOverviewAsync(Ct), incremental, strict: true);
        Assert.Equal(40, incremental.ByWorkflowStatus.Sum(c => c.Count));
    }

    [Fact]
    public async Task ApplyAsync_RealAsffFindings_KeepEveryOtherMember()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var (store, _) = Services(db);
        var real = RealFindings.Load().DistinctBy(f => (f.Id, f.ProductArn)).ToList();
        await db.Store.UpsertAsync(real, Ct);

        // Act
        await store.ApplyAsync([.. real.Select(f => Change(new FindingKey(f.Id, f.ProductArn), "RESOLVED", "Reviewed"))], Ct);

        // Assert
        Assert.True(real.Count > 100, $"expected the shared ASFF samples, found {real.Count}");
        foreach (var f in real)
        {
            var stored = (await db.Queries.GetDetailAsync(f.Id, f.ProductArn, Ct))!;
            var after = JsonNode.Parse(stored.RawJson)!.AsObject();
            var before = JsonNode.Parse(f.RawJson)!.AsObject();
            Assert.Equal("RESOLVED", after["Workflow"]!["Status"]!.GetValue<string>());
            Assert.Equal(before.ContainsKey("WorkflowState"), after.ContainsKey("WorkflowState"));
            if (before["Workflow"] is JsonObject workflow) Assert.Equal(workflow.Count(p => p.Key != "Status"), after["Workflow"]!.AsObject().Count(p => p.Key != "Status"));
            foreach (var name in new[] { "Workflow", "WorkflowState", "Note" })
            {
                before.Remove(name);
                after.Remove(name);
            }
            Assert.True(JsonNode.DeepEquals(before, after), $"{f.Id} lost or changed members");
        }
    }

    [Fact]
    public async Task ApplyAsync_FindingNotInTheCache_RecordsTheChangeOnly()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var (store, queries) = Services(db);
        await db.Store.UpsertAsync([TestFindings.Make("cached")], Ct);
        var overview = await db.Queries.GetOverviewAsync(Ct);
        var missing = new FindingKey("missing", "arn:p");

        // Act
        var updated = await store.ApplyAsync([Change(missing, "RESOLVED", "n")], Ct);

        // Assert
        Assert.Equal(0, updated);
        Assert.Null(Assert.Single(await queries.GetHistoryAsync(missing, ct: Ct)).FromStatus);
        Assert.Equivalent(overview, await db.Queries.GetOverviewAsync(Ct), strict: true);
    }

    [Fact]
    public async Task ApplyAsync_StoredJsonIsNotAnObject_UpdatesTheColumnAndKeepsTheText()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var (store, _) = Services(db);
        var odd = TestFindings.Make("odd") with { RawJson = "[\"not an object\"]" };
        await db.Store.UpsertAsync([odd], Ct);

        // Act
        await store.ApplyAsync([Change(new FindingKey("odd", odd.ProductArn), "RESOLVED", "n")], Ct);

        // Assert
        var detail = (await db.Queries.GetDetailAsync("odd", odd.ProductArn, Ct))!;
        Assert.Equal("RESOLVED", detail.Row.WorkflowStatus);
        Assert.Equal(odd.RawJson, detail.RawJson);
    }

    [Fact]
    public async Task ApplyAsync_ThenTheSyncBringsAwsCopy_CountsItAsUpdated()
    {
        // Arrange: BatchUpdateFindings leaves UpdatedAt alone; the next sync must still replace our copy with AWS's.
        await using var db = await TestDatabase.CreateAsync();
        var (store, _) = Services(db);
        var f = TestFindings.Make("f") with { RawJson = Asff.Replace("\"ID\"", "\"f\"") };
        await db.Store.UpsertAsync([f], Ct);
        await store.ApplyAsync([Change(new FindingKey("f", f.ProductArn), "RESOLVED", "n")], Ct);
        var fromAws = f with { WorkflowStatus = "RESOLVED", RawJson = f.RawJson.Replace("\"NEW\"", "\"RESOLVED\"") };

        // Act
        var result = await db.Store.UpsertAsync([fromAws], Ct);

        // Assert
        Assert.Equal(new UpsertResult(0, 1, 0), result);
        Assert.Equal(fromAws.RawJson, (await db.Queries.GetDetailAsync("f", f.ProductArn, Ct))!.RawJson);
    }

    [Fact]
    public async Task GetHistoryAsync_SeveralFindings_ReturnsThatFindingsChangesNewestFirst()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var (store, queries) = Services(db);
        var a = TestFindings.Make("a");
        await db.Store.UpsertAsync([a, TestFindings.Make("b")], Ct);
        var keyA = new FindingKey("a", a.ProductArn);
        await store.ApplyAsync([Change(keyA, "NOTIFIED", "first")], Ct);
        await store.ApplyAsync([Change(new FindingKey("b", a.ProductArn), "RESOLVED", "other finding")], Ct);
        await store.ApplyAsync([Change(keyA, "RESOLVED", "second") with { ChangedAt = At.AddHours(1), ChangedBy = "demo-admin" }], Ct);

        // Act
        var history = await queries.GetHistoryAsync(keyA, ct: Ct);

        // Assert
        Assert.Equal(
            [("NOTIFIED", "RESOLVED", "second", "demo-admin"), ("NEW", "NOTIFIED", "first", "demo-analyst")],
            history.Select(h => (h.FromStatus, h.ToStatus, h.Note, h.ChangedBy)));
        Assert.Single(await queries.GetHistoryAsync(keyA, max: 1, ct: Ct));
    }

    [Fact]
    public async Task GetTargetsAsync_CachedAndMissing_ReturnsTheCachedOnesWithAccountRegionAndStatus()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var (_, queries) = Services(db);
        var a = TestFindings.Make("a") with { AwsAccountId = "222222222222", Region = "eu-west-1", WorkflowStatus = "NOTIFIED" };
        await db.Store.UpsertAsync([a], Ct);
        var keyA = new FindingKey("a", a.ProductArn);

        // Act
        var targets = await queries.GetTargetsAsync([keyA, new FindingKey("missing", a.ProductArn), keyA], Ct);

        // Assert
        Assert.Equal(new FindingWorkflowTarget(keyA, "222222222222", "eu-west-1", "NOTIFIED"), Assert.Single(targets));
    }

    private static (FindingWorkflowStore Store, FindingWorkflowQueries Queries) Services(TestDatabase db)
    {
        var factory = db.Factory;
        return (new FindingWorkflowStore(factory, NullLogger<FindingWorkflowStore>.Instance), new FindingWorkflowQueries(factory));
    }

    private static FindingWorkflowChange Change(FindingKey key, string status, string note) =>
        new(key, "111111111111", "us-east-1", status, note, "demo-analyst", At);
}
