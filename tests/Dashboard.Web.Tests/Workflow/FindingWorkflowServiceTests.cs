using Dashboard.Web.Security;
using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Dashboard.Aws.SecurityHub;
using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using Dashboard.Web.Findings.Workflow;
using Dashboard.Web.Tests.Components;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Workflow;

/// <summary>The workflow update on the server: the role check, the AWS call per account and Region, and what reaches the cache.</summary>
public sealed class FindingWorkflowServiceTests
{
    private static readonly FindingRecord A = TestFindings.Record("finding-a", "Bucket is public");
    private static readonly FindingRecord B = TestFindings.Record("finding-b", "Bucket has no versioning");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> RefusedUsers() => ["viewer", "anonymous", "no-role"];

    [Theory]
    [MemberData(nameof(RefusedUsers))]
    public async Task UpdateAsync_WithoutTheAnalystRole_IsRefusedLoggedAndChangesNothing(string who)
    {
        // Arrange
        await using var host = await WorkflowTestHost.CreateAsync(A);
        var user = who switch
        {
            "viewer" => WorkflowUsers.Viewer,
            "anonymous" => WorkflowUsers.Anonymous,
            _ => WorkflowUsers.With("signed-in-no-group", role: null),
        };
        var before = await host.DetailAsync(A);

        // Act
        var result = await host.Service.UpdateAsync(user, [WorkflowTestHost.Key(A)], "RESOLVED", "Looks fine", Ct);

        // Assert
        Assert.Equal(WorkflowUpdateOutcome.Forbidden, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Empty(host.Gateway.Calls);
        Assert.Equal(before, await host.DetailAsync(A));
        Assert.Empty(await host.Workflow.GetHistoryAsync(WorkflowTestHost.Key(A), ct: Ct));
        var warning = Assert.Single(host.Log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(typeof(ActionAuthorizer).FullName, warning.Category);
        Assert.Contains(FindingWorkflowService.Action, warning.Message);
        Assert.Contains(who switch { "viewer" => "demo-viewer", "anonymous" => "(anonymous)", _ => "signed-in-no-group" }, warning.Message);
    }

    public static TheoryData<string> AllowedUsers() => ["analyst", "admin"];

    [Theory]
    [MemberData(nameof(AllowedUsers))]
    public async Task UpdateAsync_AnalystOrAdmin_UpdatesAwsThenTheCacheAndRecordsWhoDidIt(string who)
    {
        // Arrange
        await using var host = await WorkflowTestHost.CreateAsync(A, B);
        var user = who == "analyst" ? WorkflowUsers.Analyst : WorkflowUsers.Admin;
        var username = who == "analyst" ? "demo-analyst" : "demo-admin";

        // Act
        var result = await host.Service.UpdateAsync(user, [WorkflowTestHost.Key(A)], "RESOLVED", "  Public access blocked in change 42  ", Ct);

        // Assert
        Assert.Equal(WorkflowUpdateOutcome.Updated, result.Outcome);
        Assert.Equal([WorkflowTestHost.Key(A)], result.Updated);
        var call = Assert.Single(host.Gateway.Calls);
        Assert.Equal(("111111111111", "us-east-1"), (call.AccountId, call.Region));
        Assert.Equal([new FindingIdentifier(A.Id, A.ProductArn)], call.Request.FindingIdentifiers);
        Assert.Equal("RESOLVED", call.Request.WorkflowStatus);
        Assert.Equal(new NoteUpdate("Public access blocked in change 42", username), call.Request.Note);

        var detail = await host.DetailAsync(A);
        Assert.Equal("RESOLVED", detail.Row.WorkflowStatus);
        var json = JsonNode.Parse(detail.RawJson)!;
        Assert.Equal("RESOLVED", json["Workflow"]!["Status"]!.GetValue<string>());
        Assert.Equal("Public access blocked in change 42", json["Note"]!["Text"]!.GetValue<string>());
        Assert.Equal(username, json["Note"]!["UpdatedBy"]!.GetValue<string>());
        Assert.Equal(B.RawJson, (await host.DetailAsync(B)).RawJson);
        var entry = Assert.Single(await host.Workflow.GetHistoryAsync(WorkflowTestHost.Key(A), ct: Ct));
        Assert.Equal(new FindingWorkflowHistoryEntry("NEW", "RESOLVED", "Public access blocked in change 42", username, WorkflowTestHost.Now), entry);
        Assert.DoesNotContain(host.Log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task UpdateAsync_SecurityHubAnswersLater_RecordsTheChangeAtTheAnswer()
    {
        // Arrange: the clock moves while BatchUpdateFindings is in flight. The sync compares this time with its
        // page requests, so it must not be earlier than the change in AWS.
        await using var host = await WorkflowTestHost.CreateAsync(A);
        var answeredAt = WorkflowTestHost.Now.AddSeconds(7);
        host.Gateway.Respond = call =>
        {
            host.Clock.Now = answeredAt;
            return FakeWorkflowGateway.ProcessAll(call);
        };

        // Act
        await host.Service.UpdateAsync(WorkflowUsers.Analyst, [WorkflowTestHost.Key(A)], "RESOLVED", "Fixed", Ct);

        // Assert
        Assert.Equal(answeredAt, Assert.Single(await host.Workflow.GetHistoryAsync(WorkflowTestHost.Key(A), ct: Ct)).ChangedAt);
    }

    [Fact]
    public async Task UpdateAsync_UserWithoutUsername_SignsTheNoteWithTheEmail()
    {
        // Arrange
        await using var host = await WorkflowTestHost.CreateAsync(A);
        var user = WorkflowUsers.With(username: null, role: "Analyst", email: "ana@example.com");

        // Act
        await host.Service.UpdateAsync(user, [WorkflowTestHost.Key(A)], "NOTIFIED", "Ticket SEC-1", Ct);

        // Assert
        Assert.Equal("ana@example.com", Assert.Single(host.Gateway.Calls).Request.Note!.UpdatedBy);
    }

    [Fact]
    public async Task UpdateAsync_OneFindingUnprocessed_UpdatesTheOtherAndLeavesItAlone()
    {
        // Arrange
        await using var host = await WorkflowTestHost.CreateAsync(A, B);
        host.Gateway.Respond = call => new BatchUpdateFindingsResult(
            [new FindingIdentifier(A.Id, A.ProductArn)],
            [new UnprocessedFinding(new FindingIdentifier(B.Id, B.ProductArn), "FindingNotFound", "Finding Not Found")],
            0);
        var before = await host.DetailAsync(B);

        // Act
        var result = await host.Service.UpdateAsync(WorkflowUsers.Analyst, [WorkflowTestHost.Key(A), WorkflowTestHost.Key(B)], "SUPPRESSED", "Accepted risk", Ct);

        // Assert
        Assert.Equal(WorkflowUpdateOutcome.PartiallyUpdated, result.Outcome);
        Assert.Equal([WorkflowTestHost.Key(A)], result.Updated);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(WorkflowTestHost.Key(B), failure.Finding);
        Assert.Contains("FindingNotFound", failure.Reason);
        Assert.Equal("SUPPRESSED", (await host.DetailAsync(A)).Row.WorkflowStatus);
        Assert.Equal(before, await host.DetailAsync(B));
        Assert.Empty(await host.Workflow.GetHistoryAsync(WorkflowTestHost.Key(B), ct: Ct));
        Assert.Equal([new CountBy("NEW", 1), new CountBy("SUPPRESSED", 1)], (await host.Findings.GetOverviewAsync(Ct)).ByWorkflowStatus);
    }

    [Fact]
    public async Task UpdateAsync_AwsRefuses_KeepsTheCacheAndSaysWhy()
    {
        // Arrange
        await using var host = await WorkflowTestHost.CreateAsync(A);
        host.Gateway.Respond = _ => throw new AmazonServiceException(
            "User is not authorized to perform: securityhub:BatchUpdateFindings", null, ErrorType.Sender, "AccessDeniedException", "req-1", HttpStatusCode.Forbidden);
        var before = await host.DetailAsync(A);

        // Act
        var result = await host.Service.UpdateAsync(WorkflowUsers.Analyst, [WorkflowTestHost.Key(A)], "RESOLVED", "Fixed", Ct);

        // Assert
        Assert.Equal(WorkflowUpdateOutcome.Failed, result.Outcome);
        Assert.Contains("securityhub:BatchUpdateFindings", result.Message);
        Assert.Contains("111111111111", result.Message);
        Assert.Empty(result.Updated);
        Assert.Equal(before, await host.DetailAsync(A));
        Assert.Empty(await host.Workflow.GetHistoryAsync(WorkflowTestHost.Key(A), ct: Ct));
        Assert.Contains(host.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("AccessDenied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateAsync_UnreadableAwsAnswer_KeepsTheCache()
    {
        // Arrange
        await using var host = await WorkflowTestHost.CreateAsync(A);
        host.Gateway.Respond = _ => throw new Dashboard.Aws.AwsResponseFormatException("SecurityHub", "BatchUpdateFindings", "the body is not valid JSON");
        var before = await host.DetailAsync(A);

        // Act
        var result = await host.Service.UpdateAsync(WorkflowUsers.Analyst, [WorkflowTestHost.Key(A)], "RESOLVED", "Fixed", Ct);

        // Assert
        Assert.Equal(WorkflowUpdateOutcome.Failed, result.Outcome);
        Assert.Contains("cannot be read", result.Message);
        Assert.Equal(before, await host.DetailAsync(A));
    }

    [Fact]
    public async Task UpdateAsync_FailsAfterAnEarlierChunkWentThrough_AppliesThatChunkOnly()
    {
        // Arrange
        await using var host = await WorkflowTestHost.CreateAsync(A, B);
        host.Gateway.Respond = _ => throw new BatchUpdateFindingsException(
            new BatchUpdateFindingsResult([new FindingIdentifier(A.Id, A.ProductArn)], [], 0), 1,
            new AmazonServiceException("Rate exceeded", null, ErrorType.Sender, "TooManyRequestsException", "req-2", HttpStatusCode.TooManyRequests));

        // Act
        var result = await host.Service.UpdateAsync(WorkflowUsers.Analyst, [WorkflowTestHost.Key(A), WorkflowTestHost.Key(B)], "RESOLVED", "Fixed", Ct);

        // Assert
        Assert.Equal(WorkflowUpdateOutcome.PartiallyUpdated, result.Outcome);
        Assert.Equal("RESOLVED", (await host.DetailAsync(A)).Row.WorkflowStatus);
        Assert.Equal("NEW", (await host.DetailAsync(B)).Row.WorkflowStatus);
        Assert.Contains("TooManyRequestsException", Assert.Single(result.Failures).Reason);
    }

    [Fact]
    public async Task UpdateAsync_FindingsInTwoAccountsAndRegions_CallsEachInItsOwnAccountAndRegion()
    {
        // Arrange
        var member = TestFindings.Record("member-finding", "Member bucket", account: "222222222222", region: "eu-west-1");
        await using var host = await WorkflowTestHost.CreateAsync(A, B, member);

        // Act
        var result = await host.Service.UpdateAsync(
            WorkflowUsers.Admin, [WorkflowTestHost.Key(A), WorkflowTestHost.Key(member), WorkflowTestHost.Key(B), WorkflowTestHost.Key(A)], "NOTIFIED", "Sent to owners", Ct);

        // Assert
        Assert.Equal(WorkflowUpdateOutcome.Updated, result.Outcome);
        Assert.Equal(3, result.Updated.Count);
        var calls = host.Gateway.Calls.OrderBy(c => c.AccountId).ToList();
        Assert.Equal([("111111111111", "us-east-1", 2), ("222222222222", "eu-west-1", 1)], calls.Select(c => (c.AccountId, c.Region, c.Request.FindingIdentifiers.Count)));
        Assert.Equal("NOTIFIED", (await host.DetailAsync(member)).Row.WorkflowStatus);
    }

    [Fact]
    public async Task UpdateAsync_FindingNotInTheCache_FailsWithoutCallingAws()
    {
        // Arrange
        await using var host = await WorkflowTestHost.CreateAsync(A);

        // Act
        var result = await host.Service.UpdateAsync(WorkflowUsers.Analyst, [new FindingKey("gone", A.ProductArn)], "RESOLVED", "Fixed", Ct);

        // Assert
        Assert.Equal(WorkflowUpdateOutcome.Failed, result.Outcome);
        Assert.Contains("not in the cache", result.Message);
        Assert.Empty(host.Gateway.Calls);
    }

    public static TheoryData<string, string, int, string> InvalidRequests() => new()
    {
        { "RESOLVED", "", 1, "A note is required" },
        { "RESOLVED", "   \n ", 1, "A note is required" },
        { "RESOLVED", new string('x', 513), 1, "at most 512" },
        { "CLOSED", "note", 1, "'CLOSED' is not a workflow status" },
        { "resolved", "note", 1, "'resolved' is not a workflow status" },
        { "RESOLVED", "note", 0, "at least one finding" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task UpdateAsync_InvalidRequest_IsRejectedWithoutCallingAws(string status, string note, int findings, string expected)
    {
        // Arrange
        await using var host = await WorkflowTestHost.CreateAsync(A);

        // Act
        var result = await host.Service.UpdateAsync(WorkflowUsers.Analyst, [.. Enumerable.Repeat(WorkflowTestHost.Key(A), findings)], status, note, Ct);

        // Assert
        Assert.Equal(WorkflowUpdateOutcome.Invalid, result.Outcome);
        Assert.Contains(expected, result.Message);
        Assert.Empty(host.Gateway.Calls);
        Assert.Equal("NEW", (await host.DetailAsync(A)).Row.WorkflowStatus);
    }

    [Fact]
    public async Task UpdateAsync_NoteOf512Characters_IsAccepted()
    {
        // Arrange
        await using var host = await WorkflowTestHost.CreateAsync(A);

        // Act
        var result = await host.Service.UpdateAsync(WorkflowUsers.Analyst, [WorkflowTestHost.Key(A)], "RESOLVED", new string('x', 512), Ct);

        // Assert
        Assert.Equal(WorkflowUpdateOutcome.Updated, result.Outcome);
        Assert.Equal(512, Assert.Single(host.Gateway.Calls).Request.Note!.Text.Length);
    }

    [Fact]
    public async Task UpdateAsync_RefusedOrAllowed_NeverLogsTheNoteText()
    {
        // Arrange
        await using var host = await WorkflowTestHost.CreateAsync(A);

        // Act
        await host.Service.UpdateAsync(WorkflowUsers.Viewer, [WorkflowTestHost.Key(A)], "RESOLVED", "secret-ish note text", Ct);
        await host.Service.UpdateAsync(WorkflowUsers.Analyst, [WorkflowTestHost.Key(A)], "RESOLVED", "secret-ish note text", Ct);

        // Assert
        Assert.NotEmpty(host.Log.Entries);
        Assert.DoesNotContain(host.Log.Entries, e => e.Message.Contains("secret-ish", StringComparison.Ordinal));
    }
}
