using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Aws.Tests.StandIn.ModelValidation;
using Dashboard.StandIn;
using Dashboard.StandIn.Data;

namespace Dashboard.Aws.Tests.StandIn;

/// <summary>The stand-in's BatchUpdateFindings over the wire. Each test gets its own stand-in: updates are state.</summary>
public sealed class BatchUpdateFindingsStandInTests : IAsyncLifetime
{
    private static readonly BotocoreModel SecurityHub = BotocoreModel.Load("securityhub-service-2.json");

    private StandInServer server = null!;
    private HttpClient http = null!;

    private StandInDataSet Data => server.Data;

    public async ValueTask InitializeAsync()
    {
        server = await StandInServer.StartAsync(StandInFixture.Options(findings: 600), cancellationToken: StandInClient.Ct);
        http = new HttpClient { BaseAddress = server.BaseUrl };
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task BatchUpdateFindings_WorkflowAndNote_ChangesThemAndNothingElse()
    {
        // Arrange
        var finding = Data.GetSummaries().First(s => s.Region == "us-east-1" && s.WorkflowStatus == "NEW");
        var before = JsonNode.Parse(Data.GetFindingJson(finding.Index))!.AsObject();

        // Act
        var (status, body) = await PatchAsync(Update([finding], "RESOLVED", "Fixed in change 42 <ok>", "demo-analyst"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var response = JsonDocument.Parse(body).RootElement;
        Assert.Empty(SecurityHub.Validate(response, "BatchUpdateFindingsResponse"));
        Assert.Equal(finding.Id, Assert.Single(response.GetProperty("ProcessedFindings").EnumerateArray()).GetProperty("Id").GetString());
        Assert.Equal(0, response.GetProperty("UnprocessedFindings").GetArrayLength());

        var after = JsonNode.Parse(Data.GetFindingJson(finding.Index))!.AsObject();
        Assert.Equal("RESOLVED", after["Workflow"]!["Status"]!.GetValue<string>());
        Assert.Equal("RESOLVED", after["WorkflowState"]!.GetValue<string>());
        Assert.Equal("Fixed in change 42 <ok>", after["Note"]!["Text"]!.GetValue<string>());
        Assert.Equal("demo-analyst", after["Note"]!["UpdatedBy"]!.GetValue<string>());
        // The note carries the stand-in's clock; the finding's UpdatedAt does not move.
        Assert.Equal("2026-01-15T06:00:00.000Z", after["Note"]!["UpdatedAt"]!.GetValue<string>());
        Assert.Equal(before["UpdatedAt"]!.GetValue<string>(), after["UpdatedAt"]!.GetValue<string>());
        Assert.Equal(finding.UpdatedAt, Data.GetSummary(finding.Index).UpdatedAt);
        Assert.Empty(SecurityHub.Validate(JsonDocument.Parse(after.ToJsonString()).RootElement, "AwsSecurityFinding"));
        foreach (var name in new[] { "Workflow", "WorkflowState", "Note" })
        {
            before.Remove(name);
            after.Remove(name);
        }
        Assert.True(JsonNode.DeepEquals(before, after), "only Workflow, WorkflowState and Note may change");
    }

    [Fact]
    public async Task BatchUpdateFindings_ThenGetFindings_ServesTheNewStatusAndNote()
    {
        // Arrange
        var finding = Data.GetSummaries().First(s => s.Region == "eu-west-1");

        // Act
        await PatchAsync(Update([finding], "SUPPRESSED", "Accepted risk", "demo-admin"), region: "eu-west-1");
        var page = await GetFindingsAsync(finding.Id, "eu-west-1");

        // Assert
        var served = Assert.Single(page.GetProperty("Findings").EnumerateArray());
        Assert.Equal("SUPPRESSED", served.GetProperty("Workflow").GetProperty("Status").GetString());
        // The deprecated WorkflowState follows Workflow.Status.
        Assert.Equal("DEFERRED", served.GetProperty("WorkflowState").GetString());
        Assert.Equal("Accepted risk", served.GetProperty("Note").GetProperty("Text").GetString());
    }

    [Theory]
    [InlineData("NEW", "NEW")]
    [InlineData("NOTIFIED", "ASSIGNED")]
    [InlineData("SUPPRESSED", "DEFERRED")]
    [InlineData("RESOLVED", "RESOLVED")]
    public async Task BatchUpdateFindings_WorkflowOnly_KeepsWorkflowStateConsistentAndAddsNoNote(string workflow, string legacyState)
    {
        // Arrange
        var finding = Data.GetSummaries().First(s => s.Region == "us-east-1" && s.WorkflowStatus != workflow);

        // Act
        var (status, _) = await PatchAsync(Update([finding], workflow, note: null, updatedBy: null));

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var after = JsonNode.Parse(Data.GetFindingJson(finding.Index))!;
        Assert.Equal((workflow, legacyState), (after["Workflow"]!["Status"]!.GetValue<string>(), after["WorkflowState"]!.GetValue<string>()));
        Assert.Equal(workflow, Data.GetSummary(finding.Index).WorkflowStatus);
    }

    [Fact]
    public async Task BatchUpdateFindings_UnknownOtherRegionAndRepeatedFindings_AreUnprocessedAndTheRestApplied()
    {
        // Arrange
        var good = Data.GetSummaries().First(s => s.Region == "us-east-1");
        var otherRegion = Data.GetSummaries().First(s => s.Region == "eu-west-1");
        var body = new
        {
            FindingIdentifiers = new[]
            {
                new { good.Id, good.ProductArn },
                new { Id = "no-such-finding", good.ProductArn },
                new { otherRegion.Id, otherRegion.ProductArn },
                new { good.Id, good.ProductArn },
            },
            Workflow = new { Status = "NOTIFIED" },
        };

        // Act
        var (status, text) = await PatchAsync(body);

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var response = JsonDocument.Parse(text).RootElement;
        Assert.Empty(SecurityHub.Validate(response, "BatchUpdateFindingsResponse"));
        Assert.Equal([good.Id], response.GetProperty("ProcessedFindings").EnumerateArray().Select(f => f.GetProperty("Id").GetString()));
        var unprocessed = response.GetProperty("UnprocessedFindings").EnumerateArray()
            .Select(u => (u.GetProperty("FindingIdentifier").GetProperty("Id").GetString(), u.GetProperty("ErrorCode").GetString()))
            .ToList();
        Assert.Equal([("no-such-finding", "FindingNotFound"), (otherRegion.Id, "FindingNotFound"), (good.Id, "DuplicatedFindingIdentifier")], unprocessed);
        Assert.Equal("NOTIFIED", Data.GetSummary(good.Index).WorkflowStatus);
        Assert.Equal(otherRegion.WorkflowStatus, Data.GetSummary(otherRegion.Index).WorkflowStatus);
    }

    [Fact]
    public async Task BatchUpdateFindings_MemberAccount_UpdatesItsOwnFindingsOnly()
    {
        // Arrange
        var member = Data.Organization.Accounts[1].Id;
        var memberKey = await AssumeRoleAsync(member);
        var own = Data.GetSummaries().First(s => s.Region == "us-east-1" && s.AwsAccountId == member && s.WorkflowStatus != "RESOLVED");
        var foreign = Data.GetSummaries().First(s => s.Region == "us-east-1" && s.AwsAccountId != member && s.WorkflowStatus != "RESOLVED");

        // Act
        var (_, text) = await PatchAsync(Update([own, foreign], "RESOLVED", "n", "u"), memberKey);

        // Assert
        var response = JsonDocument.Parse(text).RootElement;
        Assert.Equal(own.Id, Assert.Single(response.GetProperty("ProcessedFindings").EnumerateArray()).GetProperty("Id").GetString());
        Assert.Equal("FindingNotFound", Assert.Single(response.GetProperty("UnprocessedFindings").EnumerateArray()).GetProperty("ErrorCode").GetString());
        Assert.Equal("RESOLVED", Data.GetSummary(own.Index).WorkflowStatus);
        Assert.NotEqual("RESOLVED", Data.GetSummary(foreign.Index).WorkflowStatus);
    }

    public static TheoryData<string, string, string> InvalidBodies() => new()
    {
        { """{"FindingIdentifiers":[{"Id":"a","ProductArn":"p"}],"Workflow":{"Status":"CLOSED"}}""", "InvalidInputException", "Workflow.Status 'CLOSED' is invalid" },
        { """{"FindingIdentifiers":[{"Id":"a","ProductArn":"p"}],"Note":{"Text":"TEXT","UpdatedBy":"u"}}""".Replace("TEXT", new string('x', 513)), "InvalidInputException", "Note.Text must be at most 512" },
        { """{"FindingIdentifiers":[{"Id":"a","ProductArn":"p"}],"Note":{"Text":"t","UpdatedBy":"BY"}}""".Replace("BY", new string('u', 513)), "InvalidInputException", "Note.UpdatedBy must be at most 512" },
        { """{"FindingIdentifiers":[{"Id":"a","ProductArn":"p"}],"Note":{"Text":"  ","UpdatedBy":"u"}}""", "InvalidInputException", "Note.Text is required" },
        { """{"FindingIdentifiers":[{"Id":"a","ProductArn":"p"}],"Note":{"Text":"t"}}""", "InvalidInputException", "Note.UpdatedBy is required" },
        { """{"FindingIdentifiers":[],"Workflow":{"Status":"NEW"}}""", "InvalidInputException", "between 1 and 100 items (got 0)" },
        { TooMany(101), "InvalidInputException", "between 1 and 100 items (got 101)" },
        { """{"FindingIdentifiers":[{"Id":"a"}],"Workflow":{"Status":"NEW"}}""", "InvalidInputException", "FindingIdentifiers[0] must have a non-empty Id and ProductArn" },
        { """{"Workflow":{"Status":"NEW"}}""", "InvalidInputException", "FindingIdentifiers is required" },
        { """{"FindingIdentifiers":[{"Id":"a","ProductArn":"p"}]}""", "InvalidInputException", "At least one of Workflow or Note" },
        { """{"FindingIdentifiers":[{"Id":"a","ProductArn":"p"}],"Severity":{"Label":"LOW"}}""", "InvalidInputException", "Workflow and Note only, not Severity" },
        { """{"FindingIdentifiers":[{"Id":"a","ProductArn":"p"}],"Workflow":{"Status":"NEW"},"Colour":"red"}""", "InvalidInputException", "Unknown member 'Colour'" },
        { """{"FindingIdentifiers":""", "SerializationException", "not valid JSON" },
        { "[]", "SerializationException", "must be a JSON object" },
        { """{"FindingIdentifiers":"a","Workflow":{"Status":"NEW"}}""", "SerializationException", "FindingIdentifiers must be a list" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task BatchUpdateFindings_InvalidInput_Returns400AndChangesNothing(string body, string errorType, string message)
    {
        // Arrange
        var version = Data.Version;

        // Act
        using var response = await SendAsync(HttpMethod.Patch, "findings/batchupdate", body);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(errorType, response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains(message, await response.Content.ReadAsStringAsync(StandInClient.Ct));
        Assert.Equal(version, Data.Version);
    }

    [Fact]
    public async Task BatchUpdateFindings_WrongMethod_IsAnUnknownOperation()
    {
        // Act
        using var response = await SendAsync(HttpMethod.Post, "findings/batchupdate", "{}");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task BatchUpdateFindings_DeniedAccount_Gets403NamingTheAction()
    {
        // Arrange
        var finding = Data.GetSummaries().First(s => s.Region == "us-east-1");
        server.Faults.DenyAccount(Data.Organization.ManagementAccountId);

        // Act
        var (status, body) = await PatchAsync(Update([finding], "RESOLVED", null, null));

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("securityhub:BatchUpdateFindings", body);
        Assert.Equal(finding.WorkflowStatus, Data.GetSummary(finding.Index).WorkflowStatus);
    }

    [Fact]
    public async Task BatchUpdateFindings_RateLimitEnforced_AllowsABurstOf30ThenThrottlesWithoutTouchingGetFindings()
    {
        // Arrange: the clock stands still, so no token comes back during the test.
        await using var limited = await StandInServer.StartAsync(
            new StandInOptions { Findings = 60, Anchor = StandInFixture.Anchor, TimeProvider = new FixedTimeProvider(StandInFixture.Anchor), EnforceRateLimit = true },
            cancellationToken: StandInClient.Ct);
        using var client = new HttpClient { BaseAddress = limited.BaseUrl };
        var finding = limited.Data.GetSummaries().First(s => s.Region == "us-east-1");
        var body = JsonSerializer.Serialize(Update([finding], "NOTIFIED", null, null));

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            using var response = await SendAsync(client, HttpMethod.Patch, "findings/batchupdate", body);
            statuses.Add(response.StatusCode);
        }
        using var getFindings = await SendAsync(client, HttpMethod.Post, "findings", "{}");

        // Assert
        Assert.All(statuses.Take(30), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[30]);
        Assert.Equal(HttpStatusCode.OK, getFindings.StatusCode);
    }

    private static object Update(IEnumerable<StandInFindingSummary> findings, string? workflow, string? note, string? updatedBy)
    {
        var body = new Dictionary<string, object>
        {
            ["FindingIdentifiers"] = findings.Select(f => new { f.Id, f.ProductArn }).ToArray(),
        };
        if (workflow is not null) body["Workflow"] = new { Status = workflow };
        if (note is not null) body["Note"] = new { Text = note, UpdatedBy = updatedBy };
        return body;
    }

    private static string TooMany(int count) => JsonSerializer.Serialize(new
    {
        FindingIdentifiers = Enumerable.Range(0, count).Select(i => new { Id = $"f{i}", ProductArn = "p" }),
        Workflow = new { Status = "NEW" },
    });

    private async Task<(HttpStatusCode Status, string Body)> PatchAsync(object body, string accessKeyId = StandInClient.AmbientKey, string region = "us-east-1")
    {
        using var response = await SendAsync(http, HttpMethod.Patch, "findings/batchupdate", JsonSerializer.Serialize(body), accessKeyId, region);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(StandInClient.Ct));
    }

    private async Task<JsonElement> GetFindingsAsync(string id, string region)
    {
        var filter = JsonSerializer.Serialize(new { Filters = new { Id = new[] { new { Value = id, Comparison = "EQUALS" } } } });
        using var response = await SendAsync(http, HttpMethod.Post, "findings", filter, StandInClient.AmbientKey, region);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(StandInClient.Ct)).RootElement.Clone();
    }

    private async Task<string> AssumeRoleAsync(string accountId)
    {
        using var client = new StandInClient(server.BaseUrl);
        return await client.AssumeRoleAsync(accountId);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body) => SendAsync(http, method, path, body);

    private static Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, string body, string accessKeyId = StandInClient.AmbientKey, string region = "us-east-1")
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", StandInClient.Authorization(accessKeyId, region, "securityhub"));
        return client.SendAsync(request, StandInClient.Ct);
    }
}
