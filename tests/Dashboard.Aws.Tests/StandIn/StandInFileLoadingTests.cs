using System.Text.Json;
using Dashboard.StandIn;

namespace Dashboard.Aws.Tests.StandIn;

public sealed class StandInFileLoadingTests : IDisposable
{
    private readonly string tempDirectory = Directory.CreateTempSubdirectory("standin-files-").FullName;

    [Fact]
    public async Task FindingFiles_GetFindingsShape_ServesEveryFindingVerbatim()
    {
        var file = SharedData.Path("data", "asff", "electriceye", "findings-2020-06.json");
        var original = JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("Findings");
        await using var server = await StandInServer.StartAsync(new StandInOptions { FindingFiles = [file] }, cancellationToken: StandInClient.Ct);
        using var client = new StandInClient(server.BaseUrl);

        var (findings, _) = await client.GetAllFindingsAsync(new(), region: "us-east-1");

        // The file holds one finding twice; Security Hub keeps one per Id and ProductArn.
        Assert.Equal(original.EnumerateArray().Select(f => f.GetProperty("Id").GetString()).Distinct().Count(), findings.Count);
        Assert.Contains("057637124865", server.Data.Organization.Accounts.Select(a => a.Id));
        var byId = findings.ToDictionary(f => f.GetProperty("Id").GetString()!);
        foreach (var expected in original.EnumerateArray())
        {
            var served = byId[expected.GetProperty("Id").GetString()!];
            Assert.Equal(expected.GetProperty("Title").GetString(), served.GetProperty("Title").GetString());
            Assert.Equal(expected.GetProperty("UpdatedAt").GetString(), served.GetProperty("UpdatedAt").GetString());
            Assert.Equal(expected.GetProperty("CreatedAt").GetString(), served.GetProperty("CreatedAt").GetString());
            Assert.Equal(expected.GetProperty("Severity").GetProperty("Label").GetString(), served.GetProperty("Severity").GetProperty("Label").GetString());
            Assert.Equal(expected.GetProperty("RecordState").GetString(), served.GetProperty("RecordState").GetString());
        }
    }

    [Fact]
    public void FindingFiles_ProwlerBareArray_LoadsWithItsRegionAndAccount()
    {
        var file = SharedData.Path("data", "asff", "prowler-docs", "prowler-json-asff-example-01.json");

        var data = Dashboard.StandIn.Data.StandInDataSet.Create(new StandInOptions { FindingFiles = [file] });
        var summary = Assert.Single(data.GetSummaries());

        Assert.Equal("eu-west-1", summary.Region);
        Assert.Equal("ACCOUNT_ID", summary.AwsAccountId);
        Assert.Equal("Prowler", summary.ProductName);
        Assert.Equal("PASSED", summary.ComplianceStatus);
    }

    [Fact]
    public void FindingFiles_SingleObject_LoadsIt()
    {
        var file = SharedData.Path("data", "asff", "awsdocs-securityhub", "sample-control-finding-02.json");

        var data = Dashboard.StandIn.Data.StandInDataSet.Create(new StandInOptions { FindingFiles = [file] });

        var summary = Assert.Single(data.GetSummaries());
        Assert.Equal("us-east-2", summary.Region);
        Assert.Equal("CloudTrail.2", summary.SecurityControlId);
    }

    [Fact]
    public void FindingFiles_SameIdTwice_KeepsTheLaterCopy()
    {
        // Security Hub stores one finding per Id and ProductArn; the later import replaces the earlier.
        var directory = SharedData.Path("data", "asff", "aws-samples-jira-integration");
        var files = new[] { Path.Combine(directory, "custom_new.json"), Path.Combine(directory, "custom_notified_existing.json") };

        var data = Dashboard.StandIn.Data.StandInDataSet.Create(new StandInOptions { FindingFiles = files });

        var summary = Assert.Single(data.GetSummaries());
        Assert.Equal("NOTIFIED", summary.WorkflowStatus);
    }

    [Fact]
    public void FindingFiles_InvalidJson_ThrowsNamingTheFile()
    {
        var file = SharedData.Path("data", "asff", "awsdocs-securityhub", "sample-control-finding-07.INVALID-original.json.txt");

        var error = Assert.Throws<InvalidDataException>(() => Dashboard.StandIn.Data.StandInDataSet.Create(new StandInOptions { FindingFiles = [file] }));

        Assert.Contains("sample-control-finding-07", error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindingFiles_FindingWithoutUpdatedAt_ThrowsNamingFindingAndAttribute()
    {
        var file = Path.Combine(tempDirectory, "broken.json");
        var finding = File.ReadAllText(SharedData.Path("data", "asff", "awsdocs-securityhub", "sample-control-finding-01.json"));
        var node = System.Text.Json.Nodes.JsonNode.Parse(finding)!.AsObject();
        node.Remove("UpdatedAt");
        File.WriteAllText(file, $"{{\"Findings\":[{node.ToJsonString()}]}}");

        var error = Assert.Throws<InvalidDataException>(() => Dashboard.StandIn.Data.StandInDataSet.Create(new StandInOptions { FindingFiles = [file] }));

        Assert.Contains("broken.json: finding [0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("'UpdatedAt' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindingFiles_NoFindingsInDocument_ThrowsSayingWhatWasExpected()
    {
        var file = Path.Combine(tempDirectory, "other.json");
        File.WriteAllText(file, "{\"Policies\": []}");

        var error = Assert.Throws<InvalidDataException>(() => Dashboard.StandIn.Data.StandInDataSet.Create(new StandInOptions { FindingFiles = [file] }));

        Assert.Contains("found no findings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindingFiles_MemberAccountCaller_SeesOnlyItsOwnFindings()
    {
        var electricEye = SharedData.Path("data", "asff", "electriceye", "findings-2020-06.json");
        var prowler = SharedData.Path("data", "asff", "awsdocs-securityhub", "sample-control-finding-04.json");
        await using var server = await StandInServer.StartAsync(new StandInOptions { FindingFiles = [electricEye, prowler], Regions = ["us-east-1"] }, cancellationToken: StandInClient.Ct);
        using var client = new StandInClient(server.BaseUrl);
        var memberKey = await client.AssumeRoleAsync("057637124865");

        var (findings, _) = await client.GetAllFindingsAsync(new(), memberKey, "us-east-1");
        var (all, _) = await client.GetAllFindingsAsync(new(), region: "us-east-1");

        Assert.Equal(67, findings.Count);
        Assert.All(findings, f => Assert.Equal("057637124865", f.GetProperty("AwsAccountId").GetString()));
        Assert.Equal(68, all.Count);
    }

    public void Dispose() => Directory.Delete(tempDirectory, recursive: true);
}
