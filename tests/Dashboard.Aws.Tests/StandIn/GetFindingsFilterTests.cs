using System.Text.Json;
using Dashboard.StandIn.Data;

namespace Dashboard.Aws.Tests.StandIn;

/// <summary>Filters and sorting over the default data set, checked against what the data set says it holds.</summary>
public sealed class GetFindingsFilterTests(StandInFixture fixture) : IClassFixture<StandInFixture>
{
    private const string Region = "us-east-1";

    private IReadOnlyList<StandInFindingSummary> InRegion =>
        fixture.Server.Data.GetSummaries().Where(s => s.Region == Region).ToList();

    public static TheoryData<string, string, string, string> SingleFilters => new()
    {
        { "SeverityLabel", "EQUALS", "CRITICAL", "s.SeverityLabel == \"CRITICAL\"" },
        { "ProductName", "EQUALS", "GuardDuty", "s.ProductName == \"GuardDuty\"" },
        { "ProductArn", "EQUALS", "arn:aws:securityhub:us-east-1::product/aws/inspector", "s.ProductArn == ..." },
        { "Title", "PREFIX", "CloudTrail", "s.Title.StartsWith(\"CloudTrail\")" },
        { "Title", "CONTAINS", "S3", "s.Title.Contains(\"S3\")" },
        { "Title", "NOT_CONTAINS", "CloudTrail", "!s.Title.Contains(\"CloudTrail\")" },
        { "RecordState", "NOT_EQUALS", "ARCHIVED", "s.RecordState != \"ARCHIVED\"" },
        { "ComplianceStatus", "EQUALS", "FAILED", "s.ComplianceStatus == \"FAILED\"" },
        { "ComplianceSecurityControlId", "EQUALS", "CloudTrail.2", "s.SecurityControlId == \"CloudTrail.2\"" },
        { "ResourceId", "PREFIX_NOT_EQUALS", "arn:aws:s3", "!s.ResourceId.StartsWith(\"arn:aws:s3\")" },
        { "Id", "PREFIX", "arn:aws:securityhub:us-east-1:", "s.Id.StartsWith(...)" },
        { "WorkflowStatus", "EQUALS", "SUPPRESSED", "s.WorkflowStatus == \"SUPPRESSED\"" },
    };

    [Theory]
    [MemberData(nameof(SingleFilters))]
    public async Task GetFindings_OneStringFilter_ReturnsExactlyTheMatchingFindings(string field, string comparison, string value, string meaning)
    {
        var expected = InRegion.Where(s => Matches(s, field, comparison, value)).Select(s => s.Id).Order().ToList();

        var (findings, _) = await fixture.Client.GetAllFindingsAsync(Filters((field, comparison, value)), region: Region);

        Assert.NotEmpty(expected);
        Assert.True(expected.SequenceEqual(findings.Select(Id).Order()), meaning);
    }

    [Fact]
    public async Task GetFindings_TwoEqualsOnOneField_JoinsThemWithOr()
    {
        var expected = InRegion.Count(s => s.WorkflowStatus is "NEW" or "NOTIFIED");

        var (findings, _) = await fixture.Client.GetAllFindingsAsync(Filters(("WorkflowStatus", "EQUALS", "NEW"), ("WorkflowStatus", "EQUALS", "NOTIFIED")), region: Region);

        Assert.Equal(expected, findings.Count);
    }

    [Fact]
    public async Task GetFindings_TwoNotContainsOnOneField_JoinsThemWithAnd()
    {
        var expected = InRegion.Count(s => !s.Title.Contains("CloudTrail", StringComparison.Ordinal) && !s.Title.Contains("S3", StringComparison.Ordinal));

        var (findings, _) = await fixture.Client.GetAllFindingsAsync(Filters(("Title", "NOT_CONTAINS", "CloudTrail"), ("Title", "NOT_CONTAINS", "S3")), region: Region);

        Assert.Equal(expected, findings.Count);
    }

    [Fact]
    public async Task GetFindings_PrefixThenNotEquals_AppliesThePrefixesThenExcludes()
    {
        // The documented example: ResourceType PREFIX AwsEc2 (OR AwsIam), then NOT_EQUALS removes some.
        var expected = InRegion.Count(s => (s.ResourceType.StartsWith("AwsEc2", StringComparison.Ordinal) || s.ResourceType.StartsWith("AwsIam", StringComparison.Ordinal))
            && s.ResourceType != "AwsEc2Instance");

        var (findings, _) = await fixture.Client.GetAllFindingsAsync(
            Filters(("ResourceType", "PREFIX", "AwsEc2"), ("ResourceType", "PREFIX", "AwsIam"), ("ResourceType", "NOT_EQUALS", "AwsEc2Instance")), region: Region);

        Assert.True(expected > 0);
        Assert.Equal(expected, findings.Count);
        Assert.DoesNotContain(findings, f => f.GetProperty("Resources")[0].GetProperty("Type").GetString() == "AwsEc2Instance");
    }

    [Fact]
    public async Task GetFindings_FiltersOnTwoFields_JoinsThemWithAnd()
    {
        var account = fixture.Server.Data.Organization.Accounts[4].Id;
        var expected = InRegion.Count(s => s.AwsAccountId == account && s.SeverityLabel == "HIGH");

        var (findings, _) = await fixture.Client.GetAllFindingsAsync(Filters(("AwsAccountId", "EQUALS", account), ("SeverityLabel", "EQUALS", "HIGH")), region: Region);

        Assert.Equal(expected, findings.Count);
        Assert.All(findings, f => Assert.Equal(account, f.GetProperty("AwsAccountId").GetString()));
    }

    [Fact]
    public async Task GetFindings_UpdatedAtStartEnd_ReturnsFindingsInsideTheWindowInclusive()
    {
        var start = StandInFixture.Anchor.AddDays(-20);
        var end = StandInFixture.Anchor.AddDays(-10);
        var expected = InRegion.Count(s => s.UpdatedAt >= start && s.UpdatedAt <= end);
        var request = new Dictionary<string, object?>
        {
            ["Filters"] = new Dictionary<string, object> { ["UpdatedAt"] = new[] { new { Start = start.ToString("O"), End = end.ToString("O") } } },
        };

        var (findings, _) = await fixture.Client.GetAllFindingsAsync(request, region: Region);

        Assert.True(expected > 0);
        Assert.Equal(expected, findings.Count);
    }

    [Theory]
    [InlineData("WITHIN", 7)]
    [InlineData("OLDER_THAN", 30)]
    public async Task GetFindings_UpdatedAtDateRange_CountsDaysBackFromNow(string comparison, int days)
    {
        var boundary = StandInFixture.Anchor.AddHours(6).AddDays(-days);
        var expected = InRegion.Count(s => comparison == "WITHIN" ? s.UpdatedAt >= boundary : s.UpdatedAt < boundary);
        var request = new Dictionary<string, object?>
        {
            ["Filters"] = new Dictionary<string, object> { ["UpdatedAt"] = new[] { new { DateRange = new { Value = days, Unit = "DAYS", Comparison = comparison } } } },
        };

        var (findings, _) = await fixture.Client.GetAllFindingsAsync(request, region: Region);

        Assert.True(expected > 0);
        Assert.Equal(expected, findings.Count);
    }

    [Fact]
    public async Task GetFindings_NoSortCriteria_ReturnsNewestUpdateFirst()
    {
        var (findings, _) = await fixture.Client.GetAllFindingsAsync(new(), region: Region);

        var updated = findings.Select(f => f.GetProperty("UpdatedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
    }

    [Fact]
    public async Task GetFindings_SortBySeverityNormalizedDescThenTitleAsc_OrdersByBoth()
    {
        var request = new Dictionary<string, object?>
        {
            ["SortCriteria"] = new[] { new { Field = "SeverityNormalized", SortOrder = "desc" }, new { Field = "Title", SortOrder = "asc" } },
        };

        var (findings, _) = await fixture.Client.GetAllFindingsAsync(request, region: Region);

        var keys = findings.Select(f => (Severity: Rank(f.GetProperty("Severity").GetProperty("Label").GetString()!), Title: f.GetProperty("Title").GetString()!)).ToList();
        var sorted = keys.OrderByDescending(k => k.Severity).ThenBy(k => k.Title, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);
        Assert.Equal(InRegion.Count, findings.Count);
    }

    [Fact]
    public async Task GetFindings_MemberAccountCaller_SeesOnlyItsOwnFindings()
    {
        var member = fixture.Server.Data.Organization.Accounts[5].Id;
        var key = await fixture.Client.AssumeRoleAsync(member);
        var expected = InRegion.Count(s => s.AwsAccountId == member);

        var (findings, _) = await fixture.Client.GetAllFindingsAsync(new(), key, Region);

        Assert.True(expected > 0);
        Assert.Equal(expected, findings.Count);
        Assert.All(findings, f => Assert.Equal(member, f.GetProperty("AwsAccountId").GetString()));
    }

    [Fact]
    public async Task GetFindings_ManagementAccountCaller_SeesEveryAccountOfTheRegion()
    {
        var (findings, _) = await fixture.Client.GetAllFindingsAsync(new(), region: "eu-west-1");

        var expected = fixture.Server.Data.GetSummaries().Where(s => s.Region == "eu-west-1").ToList();
        Assert.Equal(expected.Count, findings.Count);
        Assert.Equal(expected.Select(s => s.AwsAccountId).Distinct().Count(), findings.Select(f => f.GetProperty("AwsAccountId").GetString()).Distinct().Count());
    }

    private static bool Matches(StandInFindingSummary s, string field, string comparison, string value)
    {
        var actual = field switch
        {
            "SeverityLabel" => s.SeverityLabel,
            "ProductName" => s.ProductName,
            "ProductArn" => s.ProductArn,
            "Title" => s.Title,
            "RecordState" => s.RecordState,
            "ComplianceStatus" => s.ComplianceStatus,
            "ComplianceSecurityControlId" => s.SecurityControlId,
            "ResourceId" => s.ResourceId,
            "Id" => s.Id,
            "WorkflowStatus" => s.WorkflowStatus,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        return comparison switch
        {
            "EQUALS" => actual == value,
            "PREFIX" => actual?.StartsWith(value, StringComparison.Ordinal) == true,
            "CONTAINS" => actual?.Contains(value, StringComparison.Ordinal) == true,
            "NOT_EQUALS" => actual != value,
            "PREFIX_NOT_EQUALS" => actual?.StartsWith(value, StringComparison.Ordinal) != true,
            "NOT_CONTAINS" => actual?.Contains(value, StringComparison.Ordinal) != true,
            _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
        };
    }

    internal static Dictionary<string, object?> Filters(params (string Field, string Comparison, string Value)[] filters) => new()
    {
        ["Filters"] = filters.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => new { f.Value, f.Comparison }).ToArray()),
    };

    private static string Id(JsonElement finding) => finding.GetProperty("Id").GetString()!;

    private static int Rank(string label) => Array.IndexOf(["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"], label);
}
