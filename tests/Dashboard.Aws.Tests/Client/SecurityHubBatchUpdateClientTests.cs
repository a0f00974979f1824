using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Dashboard.Aws.SecurityHub;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Aws.Tests.Client;

/// <summary>SecurityHubClient.BatchUpdateFindingsAsync against a fake Security Hub: the wire request, chunking and errors.</summary>
public sealed class SecurityHubBatchUpdateClientTests
{
    private const string Path = "/findings/batchupdate";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BatchUpdateFindingsAsync_MemberAccount_SendsASignedPatchTheModelAccepts()
    {
        // Arrange
        await using var host = await StartAsync(ProcessEverything);
        var request = Request(2);

        // Act
        var result = await Client(host).BatchUpdateFindingsAsync(AwsTestHost.MemberAccount, "eu-west-1", request, Ct);

        // Assert
        var sent = Assert.Single(Updates(host));
        Assert.Equal("PATCH", sent.Method);
        Assert.Equal("2018-10-26", sent.Header("X-Amz-Api-Version"));
        Assert.StartsWith("application/json", sent.Header("Content-Type"));
        // The member account's assumed-role session, scoped to the finding's Region and Security Hub.
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={AwsTestHost.AssumedAccessKeyId}/", sent.Header("Authorization"));
        Assert.Contains("/eu-west-1/securityhub/aws4_request", sent.Header("Authorization"));
        Assert.Equal(AwsTestHost.AssumedSessionToken, sent.Header("X-Amz-Security-Token"));
        var body = JsonDocument.Parse(sent.Body).RootElement;
        Assert.Empty(BotocoreShapeValidator.Load("securityhub-service-2.json").Validate(body, "BatchUpdateFindingsRequest"));
        Assert.Equal("RESOLVED", body.GetProperty("Workflow").GetProperty("Status").GetString());
        Assert.Equal(request.FindingIdentifiers, result.Processed);
        Assert.Empty(result.Unprocessed);
    }

    [Fact]
    public async Task BatchUpdateFindingsAsync_230Findings_SendsThreeCallsAndJoinsTheirResults()
    {
        // Arrange
        await using var host = await StartAsync(request =>
        {
            // The last finding of each call comes back unprocessed.
            var ids = Identifiers(request);
            return Respond(ids.SkipLast(1), ids.TakeLast(1));
        });
        var request = Request(230);

        // Act
        var result = await Client(host).BatchUpdateFindingsAsync(AwsTestHost.AmbientAccount, "eu-west-1", request, Ct);

        // Assert
        Assert.Equal([100, 100, 30], Updates(host).Select(r => Identifiers(r).Count));
        Assert.Equal(227, result.Processed.Count);
        Assert.Equal(["finding-0099", "finding-0199", "finding-0229"], result.Unprocessed.Select(u => u.Finding.Id));
        Assert.All(result.Unprocessed, u => Assert.Equal("FindingNotFound", u.ErrorCode));
    }

    [Fact]
    public async Task BatchUpdateFindingsAsync_SecondCallFails_ThrowsWithTheFirstCallsResults()
    {
        // Arrange
        var calls = 0;
        await using var host = await StartAsync(request => Interlocked.Increment(ref calls) == 1
            ? ProcessEverything(request)
            : FakeResponse.AwsJsonError(400, "InvalidInputException", "Invalid finding identifier"));

        // Act
        var error = await Assert.ThrowsAsync<BatchUpdateFindingsException>(() =>
            Client(host).BatchUpdateFindingsAsync(AwsTestHost.AmbientAccount, "eu-west-1", Request(230), Ct));

        // Assert
        Assert.Equal(100, error.Completed.Processed.Count);
        Assert.Equal(130, error.NotSent);
        Assert.Equal("InvalidInputException", Assert.IsType<AmazonServiceException>(error.InnerException).ErrorCode);
        Assert.Equal(2, Updates(host).Count);
    }

    [Fact]
    public async Task BatchUpdateFindingsAsync_AccessDenied_SurfacesTheAwsErrorWithoutRetrying()
    {
        // Arrange
        await using var host = await StartAsync(_ => FakeResponse.AwsJsonError(403, "AccessDeniedException", "not authorized to perform: securityhub:BatchUpdateFindings"));

        // Act
        var error = await Assert.ThrowsAsync<AmazonServiceException>(() =>
            Client(host).BatchUpdateFindingsAsync(AwsTestHost.AmbientAccount, "eu-west-1", Request(1), Ct));

        // Assert
        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Single(Updates(host));
    }

    [Fact]
    public async Task BatchUpdateFindingsAsync_InvalidNote_ThrowsBeforeSendingAnything()
    {
        // Arrange
        await using var host = await StartAsync(ProcessEverything);
        var request = Request(150) with { Note = new NoteUpdate(new string('x', 513), "demo-analyst") };

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Client(host).BatchUpdateFindingsAsync(AwsTestHost.AmbientAccount, "eu-west-1", request, Ct));

        // Assert
        Assert.Contains("Note.Text", error.Message);
        Assert.Empty(Updates(host));
    }

    [Fact]
    public async Task BatchUpdateFindingsAsync_UnreadableBody_ThrowsAwsResponseFormatException()
    {
        // Arrange
        await using var host = await StartAsync(_ => FakeResponse.Json("<html>maintenance</html>"));

        // Act
        var error = await Assert.ThrowsAsync<AwsResponseFormatException>(() =>
            Client(host).BatchUpdateFindingsAsync(AwsTestHost.AmbientAccount, "eu-west-1", Request(1), Ct));

        // Assert
        Assert.Equal("BatchUpdateFindings", error.Operation);
    }

    private static async Task<AwsTestHost> StartAsync(Func<RecordedRequest, FakeResponse> batchUpdate)
    {
        var host = await AwsTestHost.StartAsync();
        var others = host.Server.Handler;
        host.Server.Handler = request => request.Path == Path ? batchUpdate(request) : others(request);
        return host;
    }

    private static SecurityHubClient Client(AwsTestHost host) => host.Services.GetRequiredService<SecurityHubClient>();

    private static List<RecordedRequest> Updates(AwsTestHost host) => [.. host.Server.Requests.Where(r => r.Path == Path)];

    private static BatchUpdateFindingsRequest Request(int findings) => new()
    {
        FindingIdentifiers = BatchUpdateFindingsRequestTests.Many(findings),
        WorkflowStatus = "RESOLVED",
        Note = new NoteUpdate("Fixed in change 42", "demo-analyst"),
    };

    private static List<FindingIdentifier> Identifiers(RecordedRequest request) =>
        [.. JsonDocument.Parse(request.Body).RootElement.GetProperty("FindingIdentifiers").EnumerateArray()
            .Select(f => new FindingIdentifier(f.GetProperty("Id").GetString()!, f.GetProperty("ProductArn").GetString()!))];

    private static FakeResponse ProcessEverything(RecordedRequest request) => Respond(Identifiers(request), []);

    private static FakeResponse Respond(IEnumerable<FindingIdentifier> processed, IEnumerable<FindingIdentifier> notFound) =>
        FakeResponse.Json(JsonSerializer.Serialize(new
        {
            ProcessedFindings = processed,
            UnprocessedFindings = notFound.Select(f => new { FindingIdentifier = f, ErrorCode = "FindingNotFound", ErrorMessage = "Finding Not Found" }),
        }));
}
