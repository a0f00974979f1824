using System.Net;
using System.Text.Json;

namespace Dashboard.Aws.Tests.StandIn;

public sealed class GetFindingsPagingAndErrorTests(StandInFixture fixture) : IClassFixture<StandInFixture>
{
    [Fact]
    public async Task GetFindings_NoMaxResults_Returns100AndANextToken()
    {
        var page = await fixture.Client.GetFindingsPageAsync(new { });

        Assert.Equal(100, page.GetProperty("Findings").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(page.GetProperty("NextToken").GetString()));
    }

    [Fact]
    public async Task GetFindings_PagesOf37_CoverEveryFindingOnceAndTheLastHasNoToken()
    {
        var expected = fixture.Server.Data.GetSummaries().Where(s => s.Region == "ap-southeast-2").Select(s => s.Id).Order().ToList();

        var (findings, pages) = await fixture.Client.GetAllFindingsAsync(new() { ["MaxResults"] = 37 }, region: "ap-southeast-2");

        Assert.Equal(expected, findings.Select(f => f.GetProperty("Id").GetString()!).Order());
        Assert.All(pages.SkipLast(1), p => Assert.Equal(37, p.GetProperty("Findings").GetArrayLength()));
        Assert.False(pages[^1].TryGetProperty("NextToken", out _));
    }

    [Fact]
    public async Task GetFindings_NoMatch_ReturnsAnEmptyListWithoutToken()
    {
        var page = await fixture.Client.GetFindingsPageAsync(GetFindingsFilterTests.Filters(("Title", "EQUALS", "no finding has this title")));

        Assert.Equal(0, page.GetProperty("Findings").GetArrayLength());
        Assert.False(page.TryGetProperty("NextToken", out _));
    }

    [Theory]
    [InlineData("{\"NextToken\":\"not-a-token\"}", 400, "InvalidInputException")]
    [InlineData("{\"NextToken\":\"c2kxLjk5OTk5LjEwLmFiYw\"}", 400, "InvalidInputException")]
    [InlineData("{\"MaxResults\":0}", 400, "InvalidInputException")]
    [InlineData("{\"MaxResults\":101}", 400, "InvalidInputException")]
    [InlineData("{\"MaxResults\":\"ten\"}", 400, "SerializationException")]
    [InlineData("{\"Filters\":", 400, "SerializationException")]
    [InlineData("[]", 400, "SerializationException")]
    [InlineData("{\"Filters\":{\"Title\":[{\"Value\":\"a\",\"Comparison\":\"CONTAINS\"},{\"Value\":\"b\",\"Comparison\":\"EQUALS\"}]}}", 400, "InvalidInputException")]
    [InlineData("{\"Filters\":{\"Title\":[{\"Value\":\"a\",\"Comparison\":\"EQUALS\"},{\"Value\":\"b\",\"Comparison\":\"NOT_EQUALS\"}]}}", 400, "InvalidInputException")]
    [InlineData("{\"Filters\":{\"Title\":[{\"Value\":\"a\",\"Comparison\":\"NOT_CONTAINS\"},{\"Value\":\"b\",\"Comparison\":\"PREFIX_NOT_EQUALS\"}]}}", 400, "InvalidInputException")]
    [InlineData("{\"Filters\":{\"Title\":[{\"Value\":\"a\",\"Comparison\":\"CONTAINS_WORD\"}]}}", 400, "InvalidInputException")]
    [InlineData("{\"Filters\":{\"Title\":[{\"Value\":\"\",\"Comparison\":\"EQUALS\"}]}}", 400, "InvalidInputException")]
    [InlineData("{\"Filters\":{\"Title\":[{\"Value\":\"a\"}]}}", 400, "InvalidInputException")]
    [InlineData("{\"Filters\":{\"NetworkSourceIpV4\":[{\"Cidr\":\"10.0.0.0/8\"}]}}", 400, "InvalidInputException")]
    [InlineData("{\"Filters\":{\"Colour\":[{\"Value\":\"red\",\"Comparison\":\"EQUALS\"}]}}", 400, "InvalidInputException")]
    [InlineData("{\"Filters\":{\"UpdatedAt\":[{\"Start\":\"2025-01-01T00:00:00Z\"}]}}", 400, "InvalidInputException")]
    [InlineData("{\"Filters\":{\"UpdatedAt\":[{\"Start\":\"yesterday\",\"End\":\"today\"}]}}", 400, "InvalidInputException")]
    [InlineData("{\"Filters\":{\"UpdatedAt\":[{\"DateRange\":{\"Value\":3,\"Unit\":\"WEEKS\"}}]}}", 400, "InvalidInputException")]
    [InlineData("{\"SortCriteria\":[{\"Field\":\"Colour\",\"SortOrder\":\"asc\"}]}", 400, "InvalidInputException")]
    [InlineData("{\"SortCriteria\":[{\"Field\":\"Title\",\"SortOrder\":\"up\"}]}", 400, "InvalidInputException")]
    public async Task GetFindings_BadRequest_ReturnsTheErrorSecurityHubWould(string body, int status, string errorType)
    {
        var (actualStatus, responseBody, response) = await fixture.Client.PostFindingsRawAsync(body);

        Assert.Equal(status, (int)actualStatus);
        Assert.Equal(errorType, response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.False(string.IsNullOrWhiteSpace(JsonDocument.Parse(responseBody).RootElement.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task GetFindings_ElevenFilterAttributes_IsInvalidInput()
    {
        var fields = new[] { "Title", "Id", "GeneratorId", "ProductName", "ProductArn", "CompanyName", "SeverityLabel", "RecordState", "WorkflowStatus", "ResourceType", "ResourceId" };
        var request = GetFindingsFilterTests.Filters(fields.Select(f => (f, "PREFIX", "x")).ToArray());

        var (status, body, _) = await fixture.Client.PostFindingsRawAsync(JsonSerializer.Serialize(request));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("10", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFindings_TokenSentWithOtherFilters_IsInvalidInput()
    {
        var first = await fixture.Client.GetFindingsPageAsync(GetFindingsFilterTests.Filters(("RecordState", "EQUALS", "ACTIVE")));
        var token = first.GetProperty("NextToken").GetString();
        var other = GetFindingsFilterTests.Filters(("RecordState", "EQUALS", "ARCHIVED"));
        other["NextToken"] = token;

        var (status, body, response) = await fixture.Client.PostFindingsRawAsync(JsonSerializer.Serialize(other));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidInputException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains("NextToken", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFindings_TokenFromAnotherAccount_IsInvalidInput()
    {
        var first = await fixture.Client.GetFindingsPageAsync(new { });
        var memberKey = await fixture.Client.AssumeRoleAsync(fixture.Server.Data.Organization.Accounts[1].Id);

        var (status, _, _) = await fixture.Client.PostFindingsRawAsync(
            JsonSerializer.Serialize(new { NextToken = first.GetProperty("NextToken").GetString() }), memberKey);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task GetFindings_RegionWithoutSecurityHub_IsInvalidAccess()
    {
        var (status, _, response) = await fixture.Client.PostFindingsRawAsync("{}", region: "us-west-2");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("InvalidAccessException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }
}
