using System.Text.Json;
using Dashboard.Aws.SecurityHub;

namespace Dashboard.Aws.Tests.Client;

public sealed class GetFindingsRequestTests
{
    [Fact]
    public void ToJson_EveryFilterType_MatchesTheBotocoreModel()
    {
        // Arrange
        var filters = new FindingFilters()
            .Add("SeverityLabel", StringFilter.EqualTo("CRITICAL"))
            .Add("SeverityLabel", StringFilter.EqualTo("HIGH"))
            .Add("Title", StringFilter.Prefix("S3"))
            .Add("UpdatedAt", DateFilter.Between(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero)))
            .Add("CreatedAt", DateFilter.WithinLastDays(7))
            .Add("SeverityNormalized", new NumberFilter(Gte: 70))
            .Add("ProductFields", new MapFilter("aws/securityhub/ProductName", "GuardDuty"));
        var request = new GetFindingsRequest { Filters = filters, SortCriteria = [new SortCriterion("UpdatedAt", "desc")], MaxResults = 50, NextToken = "abc" };

        // Act
        var body = JsonDocument.Parse(request.ToJson()).RootElement;

        // Assert
        Assert.Empty(BotocoreShapeValidator.Load("securityhub-service-2.json").Validate(body, "GetFindingsRequest"));
        Assert.Equal(2, body.GetProperty("Filters").GetProperty("SeverityLabel").GetArrayLength());
        Assert.Equal("2024-01-01T00:00:00.000Z", body.GetProperty("Filters").GetProperty("UpdatedAt")[0].GetProperty("Start").GetString());
        Assert.Equal(7, body.GetProperty("Filters").GetProperty("CreatedAt")[0].GetProperty("DateRange").GetProperty("Value").GetInt32());
        Assert.Equal("abc", body.GetProperty("NextToken").GetString());
    }

    [Fact]
    public void ToJson_NoFilters_SendsOnlyMaxResults()
    {
        // Act
        var json = System.Text.Encoding.UTF8.GetString(new GetFindingsRequest().ToJson());

        // Assert
        Assert.Equal("""{"MaxResults":100}""", json);
    }

    public static TheoryData<GetFindingsRequest, string> InvalidRequests() => new()
    {
        { new GetFindingsRequest { MaxResults = 0 }, "MaxResults must be between 1 and 100" },
        { new GetFindingsRequest { MaxResults = 101 }, "MaxResults must be between 1 and 100" },
        { new GetFindingsRequest { Filters = new FindingFilters().Add("Colour", StringFilter.EqualTo("red")) }, "'Colour' is not a string filter field" },
        { new GetFindingsRequest { Filters = new FindingFilters().Add("UpdatedAt", StringFilter.EqualTo("x")) }, "'UpdatedAt' is not a string filter field" },
        { new GetFindingsRequest { Filters = new FindingFilters().Add("Title", new StringFilter("x", "LIKE")) }, "unknown Comparison 'LIKE'" },
        { new GetFindingsRequest { Filters = new FindingFilters().Add("UpdatedAt", new DateFilter { Start = DateTimeOffset.UnixEpoch }) }, "needs both Start and End" },
        { new GetFindingsRequest { Filters = new FindingFilters().Add("UpdatedAt", DateFilter.Between(DateTimeOffset.UnixEpoch.AddDays(1), DateTimeOffset.UnixEpoch)) }, "Start after End" },
        { new GetFindingsRequest { Filters = new FindingFilters().Add("SeverityNormalized", new NumberFilter()) }, "has no bound" },
        { new GetFindingsRequest { SortCriteria = [new SortCriterion("Title", "up")] }, "SortOrder of asc or desc" },
        { new GetFindingsRequest { Filters = TooManyValues() }, "1 to 20 values" },
        { new GetFindingsRequest { Filters = TooManyAttributes() }, "at most 10 filter attributes" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void ToJson_InvalidRequest_ThrowsNamingTheProblem(GetFindingsRequest request, string expected)
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => request.ToJson());

        // Assert
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ToRequest_UpdatedAfterInTheFuture_ClampsStartToNow()
    {
        // Arrange
        var now = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var query = new FindingsQuery { UpdatedAfter = now.AddMinutes(10) };

        // Act
        var filter = Assert.Single(query.ToRequest(now).Filters.Dates["UpdatedAt"]);

        // Assert
        Assert.Equal(now, filter.Start);
        Assert.Equal(now, filter.End);
    }

    private static FindingFilters TooManyValues()
    {
        var filters = new FindingFilters();
        for (var i = 0; i < 21; i++) filters.Add("Id", StringFilter.EqualTo($"id-{i}"));
        return filters;
    }

    private static FindingFilters TooManyAttributes()
    {
        var filters = new FindingFilters();
        foreach (var field in FindingFilterFields.String.Take(11)) filters.Add(field, StringFilter.EqualTo("x"));
        return filters;
    }
}
