using Dashboard.Core.Findings;

namespace Dashboard.Core.Tests.Findings;

public sealed class FindingFilterQueryTests
{
    private const string FullQuery =
        "?severity=CRITICAL,HIGH&account=111122223333&region=us-east-1&product=GuardDuty&workflow=NEW"
        + "&compliance=FAILED&state=ARCHIVED&type=AwsS3Bucket&control=S3.1&q=public&archived=true&sort=updated&desc=false";

    private static FindingFilter FullFilter() => new()
    {
        Severities = [Severity.Critical, Severity.High],
        AccountIds = ["111122223333"],
        Regions = ["us-east-1"],
        ProductNames = ["GuardDuty"],
        WorkflowStatuses = ["NEW"],
        ComplianceStatuses = ["FAILED"],
        RecordStates = ["ARCHIVED"],
        ResourceTypes = ["AwsS3Bucket"],
        ControlIds = ["S3.1"],
        Text = "public",
        IncludeArchived = true,
        SortBy = FindingSortField.UpdatedAt,
        SortDescending = false,
    };

    private static void AssertSameFilter(FindingFilter expected, FindingFilter actual)
    {
        Assert.Equal(expected.Severities, actual.Severities);
        Assert.Equal(expected.AccountIds, actual.AccountIds);
        Assert.Equal(expected.Regions, actual.Regions);
        Assert.Equal(expected.ProductNames, actual.ProductNames);
        Assert.Equal(expected.WorkflowStatuses, actual.WorkflowStatuses);
        Assert.Equal(expected.ComplianceStatuses, actual.ComplianceStatuses);
        Assert.Equal(expected.RecordStates, actual.RecordStates);
        Assert.Equal(expected.ResourceTypes, actual.ResourceTypes);
        Assert.Equal(expected.ControlIds, actual.ControlIds);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.IncludeArchived, actual.IncludeArchived);
        Assert.Equal(expected.SortBy, actual.SortBy);
        Assert.Equal(expected.SortDescending, actual.SortDescending);
    }

    private static KeyValuePair<string, string?> Pair(string key, string? value) => new(key, value);

    [Fact]
    public void Parse_EveryKey_FillsEveryField()
    {
        // Act
        var result = FindingFilterQuery.Parse(FullQuery);

        // Assert
        Assert.Empty(result.Warnings);
        AssertSameFilter(FullFilter(), result.Filter);
    }

    [Fact]
    public void ToQueryString_FullFilter_IsTheCanonicalQuery()
    {
        // Act
        var query = FindingFilterQuery.ToQueryString(FullFilter());

        // Assert
        Assert.Equal(FullQuery.TrimStart('?'), query);
    }

    [Fact]
    public void ToQueryString_DefaultFilter_IsEmpty()
    {
        // Act & Assert
        Assert.Equal("", FindingFilterQuery.ToQueryString(FindingFilter.Default));
        Assert.Equal("", FindingFilterQuery.ToQueryString(new FindingFilter { Text = "   " }));
    }

    [Fact]
    public void Parse_EmptyOrNullQuery_GivesTheDefaultFilter()
    {
        // Act
        var fromNull = FindingFilterQuery.Parse((string?)null);
        var fromEmpty = FindingFilterQuery.Parse("?");

        // Assert
        AssertSameFilter(FindingFilter.Default, fromNull.Filter);
        AssertSameFilter(FindingFilter.Default, fromEmpty.Filter);
        Assert.Empty(fromNull.Warnings);
    }

    [Fact]
    public void ParseOfToQueryString_AwkwardValues_RoundTrip()
    {
        // Arrange: commas, backslashes, spaces, '&', '=', '+', '%', non-ASCII and emoji inside values.
        var filter = new FindingFilter
        {
            Severities = [Severity.Informational, Severity.Critical],
            ProductNames = ["Acme, Inc. Scanner", "Security Hub", "C:\\tools\\scan"],
            ControlIds = ["a&b=c", "50%+1"],
            Regions = ["eu-central-1"],
            ResourceTypes = ["Über", "🔒 Lock"],
            Text = "bucket \"prod\" & more, 100%",
            SortBy = FindingSortField.ControlId,
        };

        // Act
        var query = FindingFilterQuery.ToQueryString(filter);
        var result = FindingFilterQuery.Parse("?" + query);

        // Assert
        Assert.Empty(result.Warnings);
        AssertSameFilter(FindingFilterQuery.Normalize(filter), result.Filter);
        Assert.Equal(["Acme, Inc. Scanner", "C:\\tools\\scan", "Security Hub"], result.Filter.ProductNames);
        Assert.Equal(query, FindingFilterQuery.ToQueryString(result.Filter));
        Assert.DoesNotContain(' ', query);
    }

    [Fact]
    public void ToQueryString_SameFilterInAnyOrder_IsIdentical()
    {
        // Arrange
        var a = new FindingFilter { Severities = [Severity.Low, Severity.High, Severity.Low], Regions = ["us-west-2", "eu-west-1"] };
        var b = new FindingFilter { Severities = [Severity.High, Severity.Low], Regions = ["eu-west-1", "us-west-2", "eu-west-1"] };

        // Act
        var queryA = FindingFilterQuery.ToQueryString(a);
        var queryB = FindingFilterQuery.ToQueryString(b);

        // Assert
        Assert.Equal("severity=HIGH,LOW&region=eu-west-1,us-west-2", queryA);
        Assert.Equal(queryA, queryB);
    }

    [Fact]
    public void Parse_DecodedPairs_CaseInsensitiveKeysAndValuesAndRepeatedKeys()
    {
        // Arrange: what ASP.NET Core or a command line hands over, already decoded.
        var pairs = new[]
        {
            Pair("Severity", "high, critical"),
            Pair("SEVERITY", "low"),
            Pair("workflow", "notified"),
            Pair("state", "active,archived"),
            Pair("Sort", "CreatedAt"),
            Pair("desc", "0"),
            Pair("archived", "YES"),
            Pair("page", "3"),
            Pair("q", null),
        };

        // Act
        var result = FindingFilterQuery.Parse(pairs);

        // Assert: unknown keys such as the page's own "page" are ignored silently.
        Assert.Empty(result.Warnings);
        Assert.Equal([Severity.Critical, Severity.High, Severity.Low], result.Filter.Severities);
        Assert.Equal(["NOTIFIED"], result.Filter.WorkflowStatuses);
        Assert.Equal(["ACTIVE", "ARCHIVED"], result.Filter.RecordStates);
        Assert.Equal((FindingSortField.CreatedAt, false, true), (result.Filter.SortBy, result.Filter.SortDescending, result.Filter.IncludeArchived));
    }

    [Fact]
    public void Parse_UnknownValues_AreDroppedWithWarnings()
    {
        // Act
        var result = FindingFilterQuery.Parse("severity=HIGH,SEVERE&workflow=OPEN&compliance=passed&state=GONE&sort=colour&desc=maybe&archived=2");

        // Assert
        Assert.Equal([Severity.High], result.Filter.Severities);
        Assert.Empty(result.Filter.WorkflowStatuses);
        Assert.Equal(["PASSED"], result.Filter.ComplianceStatuses);
        Assert.Empty(result.Filter.RecordStates);
        Assert.Equal((FindingSortField.Severity, true, false), (result.Filter.SortBy, result.Filter.SortDescending, result.Filter.IncludeArchived));
        Assert.Equal(
        [
            "severity: unknown value 'SEVERE' ignored (use CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL)",
            "workflow: unknown value 'OPEN' ignored (use NEW, NOTIFIED, SUPPRESSED, RESOLVED)",
            "state: unknown value 'GONE' ignored (use ACTIVE, ARCHIVED)",
            "archived: '2' is not true or false; using false",
            "sort: unknown field 'colour' ignored (use severity, updated, created, title, account, region, product, control, workflow, compliance, type)",
            "desc: 'maybe' is not true or false; using true",
        ], result.Warnings);
    }

    [Fact]
    public void Parse_TenThousandValues_KeepsFiftyAndFewWarnings()
    {
        // Arrange
        var accounts = string.Join(',', Enumerable.Range(0, 10_000).Select(i => i.ToString("D12", System.Globalization.CultureInfo.InvariantCulture)));
        var severities = string.Join(',', Enumerable.Repeat("NOPE", 10_000));

        // Act
        var result = FindingFilterQuery.Parse([Pair("account", accounts), Pair("severity", severities)]);

        // Assert
        Assert.Equal(FindingFilterQuery.MaxValuesPerField, result.Filter.AccountIds.Count);
        Assert.Equal("000000000000", result.Filter.AccountIds[0]);
        Assert.Empty(result.Filter.Severities);
        Assert.Contains("account: more than 50 values given; only the first 50 are used", result.Warnings);
        Assert.True(result.Warnings.Count <= FindingFilterQuery.MaxWarnings + 1, $"{result.Warnings.Count} warnings");
        Assert.Matches(@"^… and \d+ more warning\(s\)$", result.Warnings[^1]);
    }

    [Fact]
    public void Parse_OneMegabyteValues_AreDroppedOrCutWithoutThrowing()
    {
        // Arrange
        var huge = new string('a', 1024 * 1024);

        // Act
        var result = FindingFilterQuery.Parse([Pair("product", huge), Pair("q", "  " + huge), Pair("control", "S3.1," + huge), Pair(huge, "x")]);

        // Assert
        Assert.Empty(result.Filter.ProductNames);
        Assert.Equal(["S3.1"], result.Filter.ControlIds);
        Assert.Equal(FindingFilterQuery.MaxValueLength, result.Filter.Text!.Length);
        Assert.Contains("product: 1 value(s) longer than 200 characters ignored", result.Warnings);
        Assert.Contains("q: search text cut to 200 characters", result.Warnings);
    }

    [Fact]
    public void Parse_ControlCharactersAndBrokenEscapes_AreDroppedWithWarnings()
    {
        // Arrange: %00 (NUL), %1B (ESC), a lone surrogate sent as CESU bytes, and a truncated escape.
        const string query = "region=us-east-1%00,eu-west-1&account=%1B%5B31m&q=find%0Ame%ED%A0%80&type=%E0%A4%A&control=%";

        // Act
        var result = FindingFilterQuery.Parse(query);

        // Assert
        Assert.Equal(["eu-west-1"], result.Filter.Regions);
        Assert.Empty(result.Filter.AccountIds);
        Assert.DoesNotContain(result.Filter.Text!, c => char.IsControl(c) || char.IsSurrogate(c));
        Assert.StartsWith("findme", result.Filter.Text, StringComparison.Ordinal);
        Assert.Contains("region: value 'us-east-1?' ignored: it has control characters or invalid Unicode", result.Warnings);
        Assert.Contains("q: control characters and invalid Unicode removed from the search text", result.Warnings);
        Assert.Equal(["%"], result.Filter.ControlIds);
    }

    [Fact]
    public void Parse_TooManyParameters_StopsReadingWithAWarning()
    {
        // Arrange
        var pairs = Enumerable.Range(0, 100_000).Select(i => Pair("region", $"r{i}"));

        // Act
        var result = FindingFilterQuery.Parse(pairs);

        // Assert
        Assert.Equal(FindingFilterQuery.MaxValuesPerField, result.Filter.Regions.Count);
        Assert.Contains($"only the first {FindingFilterQuery.MaxParameters} query parameters are read", result.Warnings);
    }

    [Fact]
    public void ToQueryString_HostileFilter_NeverThrowsAndParsesBackToItsNormalForm()
    {
        // Arrange
        var filter = new FindingFilter
        {
            Severities = [(Severity)99, Severity.Medium],
            AccountIds = Enumerable.Range(0, 10_000).Select(i => $"acct-{i:D5}").ToList(),
            Regions = ["us-east-1\u0000", "\ud800", "  ", new string('r', 5000), "eu-north-1"],
            WorkflowStatuses = ["new", "bogus"],
            Text = "\u0007bell " + new string('t', 1000),
            SortBy = (FindingSortField)999,
            IncludeArchived = true,
        };

        // Act
        var query = FindingFilterQuery.ToQueryString(filter);
        var parsed = FindingFilterQuery.Parse(query);

        // Assert
        Assert.Empty(parsed.Warnings);
        AssertSameFilter(FindingFilterQuery.Normalize(filter), parsed.Filter);
        Assert.Equal([Severity.Medium], parsed.Filter.Severities);
        Assert.Equal(50, parsed.Filter.AccountIds.Count);
        Assert.Equal(["eu-north-1"], parsed.Filter.Regions);
        Assert.Equal(["NEW"], parsed.Filter.WorkflowStatuses);
        Assert.Equal(FindingSortField.Severity, parsed.Filter.SortBy);
        Assert.StartsWith("bell ttt", parsed.Filter.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FindingSortField.Severity, "")]
    [InlineData(FindingSortField.UpdatedAt, "sort=updated")]
    [InlineData(FindingSortField.CreatedAt, "sort=created")]
    [InlineData(FindingSortField.Title, "sort=title")]
    [InlineData(FindingSortField.AccountId, "sort=account")]
    [InlineData(FindingSortField.Region, "sort=region")]
    [InlineData(FindingSortField.ProductName, "sort=product")]
    [InlineData(FindingSortField.ControlId, "sort=control")]
    [InlineData(FindingSortField.WorkflowStatus, "sort=workflow")]
    [InlineData(FindingSortField.ComplianceStatus, "sort=compliance")]
    [InlineData(FindingSortField.ResourceType, "sort=type")]
    public void ToQueryString_EverySortField_RoundTrips(FindingSortField field, string expected)
    {
        // Arrange
        var filter = new FindingFilter { SortBy = field };

        // Act
        var query = FindingFilterQuery.ToQueryString(filter);
        var parsed = FindingFilterQuery.Parse(query);

        // Assert
        Assert.Equal(expected, query);
        Assert.Equal(field, parsed.Filter.SortBy);
    }
}
