using System.Text.Json;
using Dashboard.StandIn;
using Dashboard.StandIn.Data;

namespace Dashboard.Aws.Tests.StandIn.ModelValidation;

/// <summary>Everything the stand-in serves must fit the current botocore models.</summary>
public sealed class ResponseModelValidationTests(StandInFixture fixture) : IClassFixture<StandInFixture>
{
    private static readonly BotocoreModel SecurityHub = BotocoreModel.Load("securityhub-service-2.json");
    private static readonly BotocoreModel Sts = BotocoreModel.Load("sts-service-2.json");
    private static readonly string[] AsffTimestamps = ["CreatedAt", "UpdatedAt", "FirstObservedAt", "LastObservedAt"];

    [Fact]
    public async Task GetFindings_EveryPageOfEveryRegion_ValidatesAgainstTheModel()
    {
        var seen = 0;
        var errors = new List<string>();
        foreach (var region in fixture.Server.Data.Regions)
        {
            var (findings, pages) = await fixture.Client.GetAllFindingsAsync(new() { ["MaxResults"] = 100 }, region: region);
            seen += findings.Count;
            foreach (var page in pages)
            {
                errors.AddRange(SecurityHub.Validate(page, "GetFindingsResponse"));
            }

            errors.AddRange(findings.SelectMany(AsffProblems));
        }

        Assert.Equal(fixture.Server.Data.Count, seen);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(200)));
    }

    [Fact]
    public void Templates_EveryTemplateWithEveryStatus_ValidatesAgainstTheModel()
    {
        // Each seed template rendered five times, cycling every severity, workflow, record state and
        // compliance status, with resource variants and both Id styles.
        var data = StandInDataSet.Create(StandInFixture.Options(findings: 0));
        var anchor = StandInFixture.Anchor.ToUnixTimeMilliseconds();
        var errors = new List<string>();
        var rendered = 0;
        for (var t = 0; t < data.Templates.Count; t++)
        {
            var template = data.Templates[t];
            for (var i = 0; i < 5; i++)
            {
                var row = new FindingRow
                {
                    Template = t,
                    Account = (short)(i % data.Organization.Accounts.Count),
                    Region = (byte)(i % data.Regions.Count),
                    Severity = (SeverityCode)i,
                    Workflow = (WorkflowCode)(i % 4),
                    RecordState = (RecordStateCode)(i % 2),
                    Compliance = template.HasCompliance ? (ComplianceCode)(1 + (i % 4)) : ComplianceCode.None,
                    ResourceVariant = (ushort)(i * 7),
                    CreatedAt = anchor - 86_400_000,
                    UpdatedAt = anchor,
                    FirstObservedAt = anchor - 90_000_000,
                    LastObservedAt = anchor,
                };
                var json = JsonDocument.Parse(data.RenderFinding(row, (t * 5) + i)).RootElement;
                errors.AddRange(SecurityHub.Validate(json, "AwsSecurityFinding").Select(e => $"{template.Source}: {e}"));
                errors.AddRange(AsffProblems(json).Select(e => $"{template.Source}: {e}"));
                rendered++;
            }
        }

        Assert.Equal(data.Templates.Count * 5, rendered);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(200)));
    }

    [Fact]
    public async Task GetFindings_FindingsLoadedVerbatimFromSeedFiles_ValidateAgainstTheModel()
    {
        var files = Directory.GetFiles(SeedDirectory(), "*.json");
        await using var server = await StandInServer.StartAsync(new StandInOptions { FindingFiles = files }, cancellationToken: StandInClient.Ct);
        using var client = new StandInClient(server.BaseUrl);
        var errors = new List<string>();
        var seen = 0;

        foreach (var region in server.Data.Regions)
        {
            var (findings, pages) = await client.GetAllFindingsAsync(new(), region: region);
            seen += findings.Count;
            errors.AddRange(pages.SelectMany(p => SecurityHub.Validate(p, "GetFindingsResponse")));
        }

        Assert.Equal(server.Data.Count, seen);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(200)));
    }

    [Fact]
    public async Task AssumeRoleAndGetCallerIdentity_XmlConvertedByModel_Validates()
    {
        var member = fixture.Server.Data.Organization.Accounts[3].Id;
        var (assumeStatus, assumeXml) = await fixture.Client.StsAsync(new Dictionary<string, string>
        {
            ["Action"] = "AssumeRole",
            ["RoleArn"] = $"arn:aws:iam::{member}:role/SecurityDashboardReadOnly",
            ["RoleSessionName"] = "validation",
            ["DurationSeconds"] = "900",
        });
        var key = System.Xml.Linq.XDocument.Parse(assumeXml).Descendants().Single(e => e.Name.LocalName == "AccessKeyId").Value;
        var (identityStatus, identityXml) = await fixture.Client.StsAsync(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity" }, key);

        var (assumeJson, assumeProblems) = QueryXml.ToJson(assumeXml, Sts, "AssumeRole");
        var (identityJson, identityProblems) = QueryXml.ToJson(identityXml, Sts, "GetCallerIdentity");

        Assert.Equal(System.Net.HttpStatusCode.OK, assumeStatus);
        Assert.Equal(System.Net.HttpStatusCode.OK, identityStatus);
        Assert.Empty(assumeProblems.Concat(identityProblems));
        Assert.Empty(Sts.Validate(assumeJson, "AssumeRoleResponse"));
        Assert.Empty(Sts.Validate(identityJson, "GetCallerIdentityResponse"));
        Assert.Equal(member, identityJson.GetProperty("Account").GetString());
    }

    /// <summary>ASFF rules beyond the model: its timestamps are plain strings there, but must be RFC 3339.</summary>
    private static IEnumerable<string> AsffProblems(JsonElement finding)
    {
        var id = finding.TryGetProperty("Id", out var idValue) ? idValue.GetString() : "?";
        foreach (var name in AsffTimestamps)
        {
            if (finding.TryGetProperty(name, out var value) && !BotocoreModel.IsIso8601(value.GetString() ?? string.Empty))
            {
                yield return $"{id}: {name} '{value}' is not an RFC 3339 timestamp";
            }
        }

        if (!finding.TryGetProperty("Severity", out var severity) || !severity.TryGetProperty("Label", out _))
        {
            yield return $"{id}: Severity.Label is missing";
        }

        if (!finding.TryGetProperty("Types", out _))
        {
            yield return $"{id}: Types is missing (ASFF requires it)";
        }
    }

    internal static string SeedDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Dashboard.StandIn", "Seed", "asff");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/Dashboard.StandIn/Seed/asff not found above the test binaries.");
    }
}
