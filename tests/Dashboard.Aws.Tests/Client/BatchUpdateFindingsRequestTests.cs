using System.Text.Json;
using Dashboard.Aws.SecurityHub;

namespace Dashboard.Aws.Tests.Client;

public sealed class BatchUpdateFindingsRequestTests
{
    private static readonly FindingIdentifier Finding = new("arn:aws:securityhub:eu-west-1:111111111111:finding/1", "arn:aws:securityhub:eu-west-1::product/aws/securityhub");

    [Fact]
    public void ToJson_WorkflowAndNote_MatchesTheBotocoreModel()
    {
        // Arrange
        var request = new BatchUpdateFindingsRequest
        {
            FindingIdentifiers = [Finding, Finding with { Id = "finding-2" }],
            WorkflowStatus = "RESOLVED",
            Note = new NoteUpdate("Fixed by <change 42> — ünïcode", "demo-analyst"),
        };

        // Act
        var body = JsonDocument.Parse(request.ToJson()).RootElement;

        // Assert
        Assert.Empty(BotocoreShapeValidator.Load("securityhub-service-2.json").Validate(body, "BatchUpdateFindingsRequest"));
        Assert.Equal(["FindingIdentifiers", "Workflow", "Note"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Finding.ProductArn, body.GetProperty("FindingIdentifiers")[0].GetProperty("ProductArn").GetString());
        Assert.Equal("RESOLVED", body.GetProperty("Workflow").GetProperty("Status").GetString());
        Assert.Equal("Fixed by <change 42> — ünïcode", body.GetProperty("Note").GetProperty("Text").GetString());
        Assert.Equal("demo-analyst", body.GetProperty("Note").GetProperty("UpdatedBy").GetString());
    }

    [Fact]
    public void ToJson_NoteOnly_LeavesWorkflowOut()
    {
        // Act
        var body = JsonDocument.Parse(new BatchUpdateFindingsRequest { FindingIdentifiers = [Finding], Note = new NoteUpdate("n", "u") }.ToJson()).RootElement;

        // Assert
        Assert.False(body.TryGetProperty("Workflow", out _));
        Assert.True(body.TryGetProperty("Note", out _));
    }

    public static TheoryData<BatchUpdateFindingsRequest, string> InvalidRequests() => new()
    {
        { new BatchUpdateFindingsRequest { FindingIdentifiers = [], WorkflowStatus = "NEW" }, "at least one finding identifier" },
        { new BatchUpdateFindingsRequest { FindingIdentifiers = Many(101), WorkflowStatus = "NEW" }, "at most 100 findings a call (got 101)" },
        { new BatchUpdateFindingsRequest { FindingIdentifiers = [Finding with { Id = " " }], WorkflowStatus = "NEW" }, "#0 needs a non-blank Id and ProductArn" },
        { new BatchUpdateFindingsRequest { FindingIdentifiers = [Finding, Finding with { ProductArn = "" }], WorkflowStatus = "NEW" }, "#1 needs a non-blank Id and ProductArn" },
        { new BatchUpdateFindingsRequest { FindingIdentifiers = [Finding] }, "needs something to update" },
        { new BatchUpdateFindingsRequest { FindingIdentifiers = [Finding], WorkflowStatus = "CLOSED" }, "'CLOSED' is not a workflow status" },
        { new BatchUpdateFindingsRequest { FindingIdentifiers = [Finding], WorkflowStatus = "resolved" }, "'resolved' is not a workflow status" },
        { new BatchUpdateFindingsRequest { FindingIdentifiers = [Finding], Note = new NoteUpdate(new string('x', 513), "u") }, "Note.Text must be 1 to 512" },
        { new BatchUpdateFindingsRequest { FindingIdentifiers = [Finding], Note = new NoteUpdate("  ", "u") }, "Note.Text must be 1 to 512" },
        { new BatchUpdateFindingsRequest { FindingIdentifiers = [Finding], Note = new NoteUpdate("n", new string('u', 513)) }, "Note.UpdatedBy must be 1 to 512" },
        { new BatchUpdateFindingsRequest { FindingIdentifiers = [Finding], Note = new NoteUpdate("n", "") }, "Note.UpdatedBy must be 1 to 512" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void ToJson_InvalidRequest_ThrowsNamingTheProblem(BatchUpdateFindingsRequest request, string expected)
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => request.ToJson());

        // Assert
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ToJson_NoteOf512Characters_IsAccepted()
    {
        // Act
        var body = JsonDocument.Parse(new BatchUpdateFindingsRequest { FindingIdentifiers = [Finding], Note = new NoteUpdate(new string('x', 512), "u") }.ToJson()).RootElement;

        // Assert
        Assert.Equal(512, body.GetProperty("Note").GetProperty("Text").GetString()!.Length);
    }

    [Fact]
    public void Chunk_230Findings_GivesCallsOf100And100And30WithTheSameUpdate()
    {
        // Arrange
        var request = new BatchUpdateFindingsRequest { FindingIdentifiers = Many(230), WorkflowStatus = "SUPPRESSED", Note = new NoteUpdate("n", "u") };

        // Act
        var chunks = request.Chunk();

        // Assert
        Assert.Equal([100, 100, 30], chunks.Select(c => c.FindingIdentifiers.Count));
        Assert.Equal(request.FindingIdentifiers.Select(f => f.Id), chunks.SelectMany(c => c.FindingIdentifiers).Select(f => f.Id));
        Assert.All(chunks, c => Assert.Equal(("SUPPRESSED", request.Note), (c.WorkflowStatus, c.Note)));
    }

    internal static IReadOnlyList<FindingIdentifier> Many(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Finding with { Id = $"finding-{i:D4}" })];
}
