using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Dashboard.Aws.Client;
using Dashboard.Aws.SecurityHub;
using Dashboard.Core.Sync;

namespace Dashboard.Aws.Tests.Client;

/// <summary>The collector against a fake Security Hub: paging, retries, errors and the filters it sends.</summary>
public sealed class SecurityHubCollectorTests
{
    private static readonly SyncTarget Ambient = new(AwsTestHost.AmbientAccount, "eu-west-1");
    private static readonly SyncTarget Member = new(AwsTestHost.MemberAccount, "eu-west-1");

    [Fact]
    public async Task CollectAsync_ThreePages_FollowsNextTokenToTheEnd()
    {
        // Arrange
        await using var host = await AwsTestHost.StartAsync();
        host.SecurityHub = request => NextTokenOf(request) switch
        {
            null => FakeResponse.Json(Page(["f1", "f2"], "token-2")),
            "token-2" => FakeResponse.Json(Page(["f3"], "token-3")),
            "token-3" => FakeResponse.Json(Page(["f4"], null)),
            var other => FakeResponse.AwsJsonError(400, "InvalidInputException", $"unexpected token {other}"),
        };

        // Act
        var ids = new List<string>();
        var pages = 0;
        await foreach (var page in host.Collector.CollectAsync(Ambient, new FindingsQuery(), TestContext.Current.CancellationToken))
        {
            using (page)
            {
                pages++;
                ids.AddRange(page.Findings.Select(f => f.GetProperty("Id").GetString()!));
            }
        }

        // Assert
        Assert.Equal(3, pages);
        Assert.Equal(["f1", "f2", "f3", "f4"], ids);
        Assert.Equal([null, "token-2", "token-3"], host.SecurityHubRequests.Select(NextTokenOf));
    }

    [Fact]
    public async Task CollectAsync_ThrottledOnce_RetriesAndCountsTheRetry()
    {
        // Arrange
        await using var host = await AwsTestHost.StartAsync();
        var calls = 0;
        host.SecurityHub = _ => Interlocked.Increment(ref calls) == 1
            ? FakeResponse.AwsJsonError(429, "TooManyRequestsException", "Rate exceeded")
            : FakeResponse.Json(Page(["f1"], null));

        // Act
        var pages = await CollectAllAsync(host, Ambient);

        // Assert
        var page = Assert.Single(pages);
        Assert.Equal(1, page.Retries);
        Assert.Equal("f1", Assert.Single(page.Ids));
        Assert.Equal(2, host.SecurityHubRequests.Count());
    }

    [Fact]
    public async Task CollectAsync_ServerErrorOnce_RetriesAndCountsTheRetry()
    {
        // Arrange
        await using var host = await AwsTestHost.StartAsync();
        var calls = 0;
        host.SecurityHub = _ => Interlocked.Increment(ref calls) == 1
            ? FakeResponse.AwsJsonError(500, "InternalException", "Internal server error")
            : FakeResponse.Json(Page(["f1", "f2"], null));

        // Act
        var pages = await CollectAllAsync(host, Ambient);

        // Assert
        var page = Assert.Single(pages);
        Assert.Equal(1, page.Retries);
        Assert.Equal(2, page.Ids.Count);
        Assert.Equal(2, host.SecurityHubRequests.Count());
    }

    [Fact]
    public async Task CollectAsync_ThrottledBeyondMaxErrorRetry_SurfacesThrottlingWithRetryCount()
    {
        // Arrange
        await using var host = await AwsTestHost.StartAsync(new() { ["Aws:MaxErrorRetry"] = "2" });
        host.SecurityHub = _ => FakeResponse.AwsJsonError(429, "TooManyRequestsException", "Rate exceeded");

        // Act
        var error = await Assert.ThrowsAsync<AmazonServiceException>(() => CollectAllAsync(host, Ambient));

        // Assert
        Assert.Equal("TooManyRequestsException", error.ErrorCode);
        Assert.Equal((HttpStatusCode)429, error.StatusCode);
        Assert.Equal(2, error.Data[RetryCountHandler.RetriesKey]);
        Assert.Equal(3, host.SecurityHubRequests.Count());
    }

    [Fact]
    public async Task CollectAsync_AccessDenied_SurfacesErrorCodeWithoutRetrying()
    {
        // Arrange
        await using var host = await AwsTestHost.StartAsync();
        host.SecurityHub = _ => FakeResponse.AwsJsonError(403, "AccessDeniedException", "User is not authorized to perform: securityhub:GetFindings");

        // Act
        var error = await Assert.ThrowsAsync<AmazonServiceException>(() => CollectAllAsync(host, Ambient));

        // Assert
        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("User is not authorized to perform: securityhub:GetFindings", error.Message);
        Assert.Single(host.SecurityHubRequests);
    }

    [Theory]
    [InlineData("{\"Findings\":[{\"Id\":\"f1\"}", "not valid JSON")]
    [InlineData("<html>maintenance</html>", "not valid JSON")]
    [InlineData("{\"NextToken\":null}", "lacks a Findings array")]
    [InlineData("{\"Findings\":{}}", "lacks a Findings array")]
    [InlineData("[]", "not an object")]
    [InlineData("{\"Findings\":[],\"NextToken\":42}", "NextToken is a JSON number")]
    public async Task CollectAsync_MalformedBody_ThrowsAwsResponseFormatException(string body, string expected)
    {
        // Arrange
        await using var host = await AwsTestHost.StartAsync();
        host.SecurityHub = _ => FakeResponse.Json(body);

        // Act
        var error = await Assert.ThrowsAsync<AwsResponseFormatException>(() => CollectAllAsync(host, Ambient));

        // Assert
        Assert.Contains(expected, error.Message);
        Assert.Equal("GetFindings", error.Operation);
    }

    [Fact]
    public async Task CollectAsync_NextTokenRepeats_ThrowsInsteadOfLoopingForever()
    {
        // Arrange
        await using var host = await AwsTestHost.StartAsync();
        host.SecurityHub = _ => FakeResponse.Json(Page(["f1"], "same-token"));

        // Act
        var error = await Assert.ThrowsAsync<AwsResponseFormatException>(() => CollectAllAsync(host, Ambient));

        // Assert
        Assert.Contains("NextToken repeats", error.Message);
        Assert.Equal(2, host.SecurityHubRequests.Count());
    }

    [Fact]
    public async Task CollectAsync_IncrementalFullQuery_SendsFiltersTheModelAccepts()
    {
        // Arrange
        await using var host = await AwsTestHost.StartAsync();
        var query = new FindingsQuery
        {
            UpdatedAfter = new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(2)),
            ActiveOnly = true,
            AwsAccountIdFilter = AwsTestHost.AmbientAccount,
        };

        // Act
        await CollectAllAsync(host, Ambient, query);

        // Assert
        var body = JsonDocument.Parse(Assert.Single(host.SecurityHubRequests).Body).RootElement;
        var errors = BotocoreShapeValidator.Load("securityhub-service-2.json").Validate(body, "GetFindingsRequest");
        Assert.Empty(errors);
        var updatedAt = Assert.Single(body.GetProperty("Filters").GetProperty("UpdatedAt").EnumerateArray());
        Assert.Equal("2024-05-01T06:30:00.000Z", updatedAt.GetProperty("Start").GetString());
        Assert.EndsWith("Z", updatedAt.GetProperty("End").GetString());
        Assert.Equal("""[{"Value":"ACTIVE","Comparison":"EQUALS"}]""", body.GetProperty("Filters").GetProperty("RecordState").GetRawText());
        Assert.Equal("""[{"Value":"111111111111","Comparison":"EQUALS"}]""", body.GetProperty("Filters").GetProperty("AwsAccountId").GetRawText());
        Assert.Equal(100, body.GetProperty("MaxResults").GetInt32());
    }

    [Fact]
    public async Task CollectAsync_AmbientAccount_SignsWithAmbientKeysForTheTargetRegion()
    {
        // Arrange
        await using var host = await AwsTestHost.StartAsync();

        // Act
        await CollectAllAsync(host, Ambient);

        // Assert
        var request = Assert.Single(host.SecurityHubRequests);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIADEMOEXAMPLE/", request.Header("Authorization"));
        Assert.Contains("/eu-west-1/securityhub/aws4_request", request.Header("Authorization"));
        Assert.Null(request.Header("X-Amz-Security-Token"));
        Assert.DoesNotContain(host.Server.Requests, r => r.Form().GetValueOrDefault("Action") == "AssumeRole");
    }

    [Fact]
    public async Task CollectAsync_MemberAccount_AssumesTheRoleAndSignsWithTheSessionToken()
    {
        // Arrange
        await using var host = await AwsTestHost.StartAsync();

        // Act
        await CollectAllAsync(host, Member);

        // Assert
        var assume = Assert.Single(host.Server.Requests, r => r.Form().GetValueOrDefault("Action") == "AssumeRole").Form();
        Assert.Equal("arn:aws:iam::222222222222:role/SecurityDashboardReadOnly", assume["RoleArn"]);
        Assert.Equal("dashboard-ext-id", assume["ExternalId"]);
        var request = Assert.Single(host.SecurityHubRequests);
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={AwsTestHost.AssumedAccessKeyId}/", request.Header("Authorization"));
        Assert.Contains("/eu-west-1/securityhub/aws4_request", request.Header("Authorization"));
        Assert.Contains("x-amz-security-token", request.Header("Authorization"));
        Assert.Equal(AwsTestHost.AssumedSessionToken, request.Header("X-Amz-Security-Token"));
    }

    private sealed record CollectedPage(IReadOnlyList<string> Ids, int Retries);

    private static async Task<List<CollectedPage>> CollectAllAsync(AwsTestHost host, SyncTarget target, FindingsQuery? query = null)
    {
        var pages = new List<CollectedPage>();
        await foreach (var page in host.Collector.CollectAsync(target, query ?? new FindingsQuery(), TestContext.Current.CancellationToken))
        {
            using (page) pages.Add(new CollectedPage([.. page.Findings.Select(f => f.GetProperty("Id").GetString()!)], page.Retries));
        }
        return pages;
    }

    private static string? NextTokenOf(RecordedRequest request) =>
        JsonDocument.Parse(request.Body).RootElement.TryGetProperty("NextToken", out var token) ? token.GetString() : null;

    private static string Page(string[] ids, string? nextToken) => JsonSerializer.Serialize(new
    {
        Findings = ids.Select(id => new { SchemaVersion = "2018-10-08", Id = id }),
        NextToken = nextToken,
    });
}
