using System.Text.Json;
using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using Dashboard.Web.Findings;

namespace Dashboard.Web.Tests.Components;

public sealed class FindingDetailViewModelTests
{
    private static readonly FindingRow Row = new(
        "id-1", "arn:aws:securityhub:us-east-1::product/aws/securityhub", "111111111111", "us-east-1", "Security Hub",
        "S3.1", "Title", Severity.High, 70, "FAILED", "NEW", "ACTIVE", "AwsS3Bucket", "arn:aws:s3:::b",
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    /// <summary>Every finding object in the shared third-party ASFF files (any wrapping), as raw JSON.</summary>
    public static TheoryData<string> SharedFindingFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SharedData.Asff, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(SharedData.Asff, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SharedFindingFiles))]
    public void From_RealSharedFindings_ReadsEverySectionWithoutError(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.Asff, relativePath)));
        var findings = FindingObjects(document.RootElement).ToList();

        foreach (var finding in findings)
        {
            var model = FindingDetailViewModel.From(Row, finding.GetRawText());

            Assert.Null(model.ParseError);
            Assert.False(string.IsNullOrWhiteSpace(model.PrettyJson));
            if (finding.TryGetProperty("Resources", out var resources) && resources.ValueKind == JsonValueKind.Array)
            {
                Assert.Equal(resources.GetArrayLength(), model.Resources.Count);
            }
            if (finding.TryGetProperty("Types", out var types) && types.ValueKind == JsonValueKind.Array)
            {
                Assert.Equal(types.GetArrayLength(), model.Types.Count);
            }
        }
    }

    [Fact]
    public void SharedFindingFiles_HoldManyFindings()
    {
        var count = SharedFindingFiles()
            .Select(row => JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.Asff, row.Data))))
            .Sum(doc => FindingObjects(doc.RootElement).Count());

        Assert.True(count >= 200, $"expected the shared data's ~290 ASFF findings, found {count}");
    }

    [Fact]
    public void From_ControlFinding_ReadsComplianceAndRemediation()
    {
        var json = File.ReadAllText(Path.Combine(SharedData.Asff, "awsdocs-securityhub", "sample-control-finding-01.json"));

        var model = FindingDetailViewModel.From(Row, json);

        Assert.Equal("FAILED", model.Compliance?.Status);
        Assert.Equal("CloudTrail.2", model.Compliance?.SecurityControlId);
        Assert.Equal(["standards/aws-foundation-best-practices/v/1.0.0"], model.Compliance?.AssociatedStandards);
        Assert.Equal(new Uri("https://docs.aws.amazon.com/console/securityhub/CloudTrail.2/remediation"), model.Remediation?.Link);
        Assert.Equal("AwsCloudTrailTrail", Assert.Single(model.Resources).Type);
        Assert.Contains(model.ProductFields, p => p.Key == "ControlId" && p.Value == "CloudTrail.2");
        Assert.Equal("2020-08-06 02:18:23 UTC", model.Timestamps.FirstObservedAt);
        Assert.Contains(model.OtherSections, s => s.Name == "FindingProviderFields");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"Title\": ")]
    [InlineData("")]
    public void From_InvalidJson_ReportsParseErrorAndKeepsRawText(string raw)
    {
        var model = FindingDetailViewModel.From(Row, raw);

        Assert.Contains("not valid JSON", model.ParseError);
        Assert.Equal(raw, model.PrettyJson);
    }

    [Fact]
    public void From_JsonArrayInsteadOfObject_ReportsParseError()
    {
        var model = FindingDetailViewModel.From(Row, "[1,2]");

        Assert.Contains("not an object", model.ParseError);
    }

    [Theory]
    [InlineData("https://docs.aws.amazon.com/x", true)]
    [InlineData("http://example.com/fix", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("/relative/path", false)]
    [InlineData("vbscript:msgbox", false)]
    public void RemediationLink_OnlyAbsoluteHttp_BecomesALink(string url, bool isLink)
    {
        var remediation = new RemediationView("text", url);

        Assert.Equal(isLink, remediation.Link is not null);
    }

    [Fact]
    public void From_WrongTypes_ReadsWhatItCan()
    {
        const string json = """
            {"Types": "single-string", "Severity": 5, "Resources": {"Type": "AwsEc2Instance", "Id": 123, "Tags": []},
             "Compliance": {"Status": "FAILED", "RelatedRequirements": "one", "StatusReasons": ["plain"]},
             "Note": "just text", "UserDefinedFields": {"k": {"nested": true}}, "Remediation": {"Recommendation": "x"}}
            """;

        var model = FindingDetailViewModel.From(Row, json);

        Assert.Null(model.ParseError);
        Assert.Empty(model.Types);
        Assert.Equal("5", model.Severity?.Label);
        var resource = Assert.Single(model.Resources);
        Assert.Equal(("AwsEc2Instance", "123"), (resource.Type, resource.Id));
        Assert.Equal("FAILED", model.Compliance?.Status);
        Assert.Equal("plain", Assert.Single(model.Compliance!.StatusReasons).Description);
        Assert.Equal("just text", model.Note?.Text);
        Assert.Contains("nested", Assert.Single(model.UserDefinedFields).Value);
        Assert.Null(model.Remediation);
    }

    private static IEnumerable<JsonElement> FindingObjects(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("Id", out _) && element.TryGetProperty("ProductArn", out _))
            {
                yield return element;
                yield break;
            }
            foreach (var property in element.EnumerateObject())
            {
                foreach (var found in FindingObjects(property.Value)) yield return found;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var found in FindingObjects(item)) yield return found;
            }
        }
    }
}
