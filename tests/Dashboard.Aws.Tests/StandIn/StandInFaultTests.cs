using System.Net;
using System.Text.Json;
using Dashboard.Aws.Tests.StandIn.ModelValidation;
using Dashboard.StandIn;

namespace Dashboard.Aws.Tests.StandIn;

/// <summary>Each test gets its own small stand-in, since faults are state.</summary>
public sealed class StandInFaultTests : IAsyncLifetime
{
    private StandInServer server = null!;
    private StandInClient client = null!;

    private string Member => server.Data.Organization.Accounts[1].Id;

    public async ValueTask InitializeAsync()
    {
        server = await StandInServer.StartAsync(StandInFixture.Options(findings: 600), cancellationToken: StandInClient.Ct);
        client = new StandInClient(server.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task ThrottleNext_Two_ThrottlesTwoCallsThenServes()
    {
        server.Faults.ThrottleNext(2);

        var first = await client.PostFindingsRawAsync("{}");
        var second = await client.PostFindingsRawAsync("{}");
        var third = await client.PostFindingsRawAsync("{}");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.Status);
        Assert.Equal("TooManyRequestsException", first.Response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task ServerErrorNext_One_Returns500InternalExceptionOnce()
    {
        server.Faults.ServerErrorNext(1);

        var first = await client.PostFindingsRawAsync("{}");
        var second = await client.PostFindingsRawAsync("{}");

        Assert.Equal(HttpStatusCode.InternalServerError, first.Status);
        Assert.Equal("InternalException", first.Response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal(HttpStatusCode.OK, second.Status);
    }

    [Fact]
    public async Task ThrottleNext_ForOneAccount_LeavesOtherAccountsAlone()
    {
        var memberKey = await client.AssumeRoleAsync(Member);
        server.Faults.ThrottleNext(1, Member);

        var management = await client.PostFindingsRawAsync("{}");
        var member = await client.PostFindingsRawAsync("{}", memberKey);

        Assert.Equal(HttpStatusCode.OK, management.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, member.Status);
    }

    [Fact]
    public async Task DenyAccount_Member_Gets403UntilAllowedAndOthersAreServed()
    {
        var memberKey = await client.AssumeRoleAsync(Member);
        server.Faults.DenyAccount(Member);

        var denied = await client.PostFindingsRawAsync("{}", memberKey);
        var management = await client.PostFindingsRawAsync("{}");
        server.Faults.AllowAccount(Member);
        var allowed = await client.PostFindingsRawAsync("{}", memberKey);

        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Equal("AccessDeniedException", denied.Response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains("securityhub:GetFindings", denied.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, management.Status);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
    }

    [Fact]
    public async Task DenyAssumeRole_Member_IsStsAccessDenied()
    {
        server.Faults.DenyAssumeRole(Member);

        var (status, xml) = await client.StsAsync(new Dictionary<string, string>
        {
            ["Action"] = "AssumeRole",
            ["RoleArn"] = $"arn:aws:iam::{Member}:role/SecurityDashboardReadOnly",
            ["RoleSessionName"] = "dashboard",
        });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("<Code>AccessDenied</Code>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedNextPage_Returns200WithInvalidJsonOnce()
    {
        server.Faults.MalformedNextPage();

        var broken = await client.PostFindingsRawAsync("{}");
        var next = await client.PostFindingsRawAsync("{}");

        Assert.Equal(HttpStatusCode.OK, broken.Status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(broken.Body));
        Assert.Equal(100, JsonDocument.Parse(next.Body).RootElement.GetProperty("Findings").GetArrayLength());
    }

    [Fact]
    public async Task MalformedFindingInNextPage_BreaksExactlyOneFindingOfThePage()
    {
        var model = BotocoreModel.Load("securityhub-service-2.json");
        server.Faults.MalformedFindingInNextPage();

        var (status, body, _) = await client.PostFindingsRawAsync("{}");
        var findings = JsonDocument.Parse(body).RootElement.GetProperty("Findings").EnumerateArray().ToList();
        var invalid = findings.Where(f => model.Validate(f, "AwsSecurityFinding").Count > 0).ToList();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(100, findings.Count);
        var broken = Assert.Single(invalid);
        Assert.False(broken.TryGetProperty("Title", out _));
        Assert.Equal(JsonValueKind.Number, broken.GetProperty("CreatedAt").ValueKind);
    }

    [Fact]
    public async Task FaultsEndpoint_ThrottleNextOverHttp_ThrottlesTheNextCall()
    {
        var (status, state) = await client.AdminAsync(HttpMethod.Post, "_standin/faults", "{\"throttleNext\": 1, \"denyAccount\": \"" + Member + "\"}");

        var throttled = await client.PostFindingsRawAsync("{}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Throttle", state, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Contains(Member, server.Faults.Snapshot().DeniedAccounts);
    }

    [Fact]
    public async Task FaultsEndpoint_UnknownMember_Is400NamingIt()
    {
        var (status, body) = await client.AdminAsync(HttpMethod.Post, "_standin/faults", "{\"throttleNxt\": 1}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("throttleNxt", body, StringComparison.Ordinal);
        Assert.Empty(server.Faults.Snapshot().Pending);
    }

    [Fact]
    public async Task FaultsEndpoint_DenyActionWithoutAccount_Is400AndChangesNothing()
    {
        var (status, body) = await client.AdminAsync(HttpMethod.Post, "_standin/faults", "{\"throttleNext\": 1, \"denyAction\": \"iam:GenerateCredentialReport\"}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("accountId", body, StringComparison.Ordinal);
        Assert.Empty(server.Faults.Snapshot().Pending);
    }

    [Fact]
    public async Task FaultsEndpoint_Reset_ClearsEveryFault()
    {
        server.Faults.ThrottleNext(5);
        server.Faults.DenyAccount(Member);

        var (status, _) = await client.AdminAsync(HttpMethod.Post, "_standin/faults", "{\"reset\": true}");
        var served = await client.PostFindingsRawAsync("{}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(server.Faults.Snapshot().Pending);
        Assert.Empty(server.Faults.Snapshot().DeniedAccounts);
        Assert.Equal(HttpStatusCode.OK, served.Status);
    }

    [Fact]
    public async Task TouchEndpoint_TenPercent_TouchesThatManyFindings()
    {
        var (status, body) = await client.AdminAsync(HttpMethod.Post, "_standin/findings/touch", "{\"fraction\": 0.1, \"now\": \"2026-01-16T00:00:00Z\"}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(60, JsonDocument.Parse(body).RootElement.GetProperty("touched").GetInt32());
        Assert.Equal(60, server.Data.GetSummaries().Count(s => s.UpdatedAt == new DateTimeOffset(2026, 1, 16, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task TouchFindings_BetweenPages_NextIncrementalQueryFindsExactlyTheTouchedOnes()
    {
        // What an UpdatedAt-watermark sync relies on: touched findings come back, untouched ones do not.
        var watermark = StandInFixture.Anchor;
        server.Data.TouchFindings(0.05, watermark.AddHours(1));
        var request = new Dictionary<string, object?>
        {
            ["Filters"] = new Dictionary<string, object> { ["UpdatedAt"] = new[] { new { Start = watermark.ToString("O"), End = watermark.AddDays(1).ToString("O") } } },
        };

        var found = 0;
        foreach (var region in server.Data.Regions)
        {
            found += (await client.GetAllFindingsAsync(request, region: region)).Findings.Count;
        }

        Assert.Equal(30, found);
    }

    [Fact]
    public async Task RateLimit_Enforced_SeventhCallInABurstIsThrottledUntilTimePasses()
    {
        var clock = new SteppingTimeProvider(StandInFixture.Anchor);
        var options = StandInFixture.Options(findings: 50);
        options.EnforceRateLimit = true;
        options.TimeProvider = clock;
        await using var limited = await StandInServer.StartAsync(options, cancellationToken: StandInClient.Ct);
        using var limitedClient = new StandInClient(limited.BaseUrl);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            statuses.Add((await limitedClient.PostFindingsRawAsync("{}")).Status);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        var afterASecond = await limitedClient.PostFindingsRawAsync("{}");

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 6).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal(HttpStatusCode.OK, afterASecond.Status);
    }
}

/// <summary>A clock moved by hand, timestamps included (the rate limiter measures with them).</summary>
internal sealed class SteppingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
