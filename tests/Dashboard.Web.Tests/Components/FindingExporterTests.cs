using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Findings;
using Dashboard.Web.Findings;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Components;

public sealed class FindingExporterTests : DashboardComponentTest
{
    private FindingExporter Exporter => Services.GetRequiredService<FindingExporter>();

    [Fact]
    public async Task WriteCsvAsync_CellsStartingWithFormulaCharacters_ArePrefixedWithAQuote()
    {
        await SeedAsync(
            TestFindings.Record("f-eq", "=HYPERLINK(\"http://evil.example\",\"click\")", Severity.Critical),
            TestFindings.Record("f-plus", "+cmd|' /C calc'!A0", Severity.High),
            TestFindings.Record("f-minus", "-2+3", Severity.Medium),
            TestFindings.Record("f-at", "@SUM(1+1)", Severity.Low, resourceId: "\tarn:aws:s3:::tabbed"),
            TestFindings.Record("f-plain", "Plain title", Severity.Informational));
        var output = new StringWriter();

        var count = await Exporter.WriteCsvAsync(FindingFilter.Default, output, TestContext.Current.CancellationToken);

        var csv = output.ToString();
        Assert.Equal(5, count);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", csv);
        Assert.Contains("'+cmd|' /C calc'!A0", csv);
        Assert.Contains("'-2+3", csv);
        Assert.Contains("'@SUM(1+1)", csv);
        Assert.Contains("'\tarn:aws:s3:::tabbed", csv);
        Assert.Contains(",Plain title,", csv);
        foreach (var dangerous in new[] { ",=HYPERLINK", ",+cmd", ",-2+3", ",@SUM", ",\"=HYPERLINK" })
        {
            Assert.DoesNotContain(dangerous, csv);
        }
    }

    [Fact]
    public async Task WriteCsvAsync_WritesHeaderAndRowsOfTheFilter()
    {
        await SeedAsync(
            TestFindings.Record("keep", "Kept", Severity.Critical, account: "111111111111"),
            TestFindings.Record("drop", "Dropped", Severity.Low, account: "222222222222"));
        var output = new StringWriter();

        await Exporter.WriteCsvAsync(new FindingFilter { AccountIds = ["111111111111"] }, output, TestContext.Current.CancellationToken);

        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', FindingExporter.CsvColumns), lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith("keep,arn:aws:securityhub:us-east-1::product/aws/securityhub,111111111111,us-east-1,Security Hub,S3.1,Kept,Critical,90,FAILED,NEW,ACTIVE,", row);
        Assert.EndsWith(",2024-05-01T08:00:00.0000000+00:00,2024-05-02T08:00:00.0000000+00:00", row);
    }

    [Fact]
    public async Task WriteJsonAsync_RoundTripsTheOriginalAsffObjects()
    {
        var first = TestFindings.Record("json-1", "First", Severity.Critical, customize: j => j["UserDefinedFields"] = new JsonObject { ["ticket"] = "SEC-1" });
        var second = TestFindings.Record("json-2", "Second \u00e9\u4e2d <tag>", Severity.High);
        await SeedAsync(first, second);
        using var output = new MemoryStream();

        var count = await Exporter.WriteJsonAsync(FindingFilter.Default, output, TestContext.Current.CancellationToken);

        Assert.Equal(2, count);
        using var document = JsonDocument.Parse(output.ToArray());
        var exported = document.RootElement.GetProperty("Findings").EnumerateArray().ToList();
        Assert.Equal(2, exported.Count);
        var byId = exported.ToDictionary(e => e.GetProperty("Id").GetString()!);
        foreach (var original in new[] { first, second })
        {
            Assert.True(
                JsonNode.DeepEquals(JsonNode.Parse(original.RawJson), JsonNode.Parse(byId[original.Id].GetRawText())),
                $"finding {original.Id} changed on export");
        }
    }

    [Fact]
    public async Task WriteJsonAsync_EmptyResult_IsAValidEmptyDocument()
    {
        using var output = new MemoryStream();

        var count = await Exporter.WriteJsonAsync(new FindingFilter { Severities = [Severity.Critical] }, output, TestContext.Current.CancellationToken);

        Assert.Equal(0, count);
        Assert.Equal("{\"Findings\":[]}", Encoding.UTF8.GetString(output.ToArray()));
    }
}
