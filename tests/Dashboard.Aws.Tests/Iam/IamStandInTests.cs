using System.Net;
using System.Text;
using System.Text.Json;
using Dashboard.Aws.Tests.StandIn;
using Dashboard.Aws.Tests.StandIn.ModelValidation;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.CredentialReport;
using Dashboard.StandIn;
using Dashboard.StandIn.Data;
using Dashboard.StandIn.Iam;

namespace Dashboard.Aws.Tests.Iam;

/// <summary>The stand-in's IAM on the wire: every response fits the current IAM model, paging, errors, data.</summary>
public sealed class IamStandInTests(StandInFixture fixture) : IClassFixture<StandInFixture>
{
    private static readonly BotocoreModel Model = BotocoreModel.Load("iam-service-2.json");

    [Fact]
    public async Task GetAccountAuthorizationDetails_EveryPageOfEveryAccount_ValidatesAgainstTheModel()
    {
        // Arrange
        using var wire = new IamWire(fixture.Server.BaseUrl);
        var errors = new List<string>();
        var entities = 0;

        // Act
        foreach (var account in fixture.Server.Data.Organization.Accounts)
        {
            var key = await fixture.Client.AssumeRoleAsync(account.Id);
            foreach (var page in await wire.AllAuthorizationDetailsAsync(key, maxItems: 60))
            {
                var (json, problems) = QueryXml.ToJson(page, Model, "GetAccountAuthorizationDetails");
                errors.AddRange(problems.Concat(Model.Validate(json, "GetAccountAuthorizationDetailsResponse")).Select(e => $"{account.Name}: {e}"));
                entities += new[] { "UserDetailList", "GroupDetailList", "RoleDetailList", "Policies" }.Sum(l => IamWire.Members(page, l));
            }
        }

        // Assert
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(100)));
        Assert.True(entities > 12 * 20, $"only {entities} entities in 12 accounts");
    }

    [Fact]
    public async Task AccountOperations_EveryAccount_ValidateAgainstTheModel()
    {
        // Arrange
        using var wire = new IamWire(fixture.Server.BaseUrl);
        var errors = new List<string>();
        var withoutPolicy = 0;

        // Act
        foreach (var account in fixture.Server.Data.Organization.Accounts)
        {
            var key = await fixture.Client.AssumeRoleAsync(account.Id);
            var responses = new List<(string Action, HttpStatusCode Status, string Body)>();
            foreach (var action in new[] { "GetAccountSummary", "GenerateCredentialReport", "GenerateCredentialReport", "GenerateCredentialReport", "GetCredentialReport", "GetAccountPasswordPolicy" })
            {
                var (status, body) = await wire.CallAsync(action, accessKeyId: key);
                responses.Add((action, status, body));
            }

            foreach (var (action, status, body) in responses)
            {
                if (action == "GetAccountPasswordPolicy" && status == HttpStatusCode.NotFound)
                {
                    withoutPolicy++;
                    Assert.Equal("NoSuchEntity", IamWire.Element(body, "Code"));
                    continue;
                }

                Assert.True(status == HttpStatusCode.OK, $"{account.Name} {action}: {body}");
                var (json, problems) = QueryXml.ToJson(body, Model, action);
                errors.AddRange(problems.Concat(Model.Validate(json, Model.Output(action).Shape)).Select(e => $"{account.Name} {action}: {e}"));
            }
        }

        // Assert
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(100)));
        Assert.InRange(withoutPolicy, 1, fixture.Server.Data.Organization.Accounts.Count - 1);
    }

    [Fact]
    public async Task GetAccountAuthorizationDetails_PolicyDocuments_AreUrlEncodedOnTheWire()
    {
        // Arrange
        using var wire = new IamWire(fixture.Server.BaseUrl);

        // Act
        var (status, body) = await wire.CallAsync("GetAccountAuthorizationDetails", new Dictionary<string, string> { ["Filter.member.1"] = "Role" });

        // Assert
        Assert.Equal(HttpStatusCode.OK, status);
        var trust = IamWire.Element(body, "AssumeRolePolicyDocument")!;
        Assert.StartsWith("%7B%22", trust, StringComparison.Ordinal);
        Assert.DoesNotContain("{", trust, StringComparison.Ordinal);
        Assert.Contains("\"Statement\"", Uri.UnescapeDataString(trust), StringComparison.Ordinal);
        Assert.Equal(0, IamWire.Members(body, "UserDetailList"));
        Assert.True(IamWire.Members(body, "RoleDetailList") > 0);
    }

    [Fact]
    public async Task GetAccountAuthorizationDetails_PagesOfThree_ReturnEveryEntityOnceAndSomePagesShort()
    {
        // Arrange
        using var wire = new IamWire(fixture.Server.BaseUrl);
        var all = await wire.AllAuthorizationDetailsAsync(StandInClient.AmbientKey, maxItems: 1000);

        // Act
        var small = await wire.AllAuthorizationDetailsAsync(StandInClient.AmbientKey, maxItems: 3);

        // Assert
        var lists = new[] { "UserDetailList", "GroupDetailList", "RoleDetailList", "Policies" };
        Assert.Equal(lists.Select(l => all.Sum(p => IamWire.Members(p, l))), lists.Select(l => small.Sum(p => IamWire.Members(p, l))));
        var sizes = small.Select(p => lists.Sum(l => IamWire.Members(p, l))).ToList();
        Assert.All(sizes, s => Assert.InRange(s, 0, 3));
        Assert.Contains(sizes.SkipLast(1), s => s < 3);
    }

    [Theory]
    [InlineData("Filter.member.1", "Users", "Member must satisfy enum value set")]
    [InlineData("MaxItems", "0", "at 'maxItems' failed to satisfy constraint")]
    [InlineData("Marker", "not-a-marker", "Invalid Marker")]
    public async Task GetAccountAuthorizationDetails_BadParameter_IsValidationError(string name, string value, string expected)
    {
        // Arrange
        using var wire = new IamWire(fixture.Server.BaseUrl);

        // Act
        var (status, body) = await wire.CallAsync("GetAccountAuthorizationDetails", new Dictionary<string, string> { [name] = value });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationError", IamWire.Element(body, "Code"));
        Assert.Contains(expected, IamWire.Element(body, "Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAction_IsInvalidAction()
    {
        // Arrange
        using var wire = new IamWire(fixture.Server.BaseUrl);

        // Act
        var (status, body) = await wire.CallAsync("DeleteUser", new Dictionary<string, string> { ["UserName"] = "alice" });

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidAction", IamWire.Element(body, "Code"));
    }

    [Fact]
    public async Task CredentialReport_FirstCalls_NotPresentThenStartedInProgressAndComplete()
    {
        // Arrange: a fresh stand-in, so no report exists yet.
        await using var server = await StandInServer.StartAsync(StandInFixture.Options(findings: 0), cancellationToken: StandInClient.Ct);
        using var wire = new IamWire(server.BaseUrl);

        // Act
        var before = await wire.CallAsync("GetCredentialReport");
        var states = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            states.Add(IamWire.Element((await wire.CallAsync("GenerateCredentialReport")).Body, "State"));
        }

        var (status, body) = await wire.CallAsync("GetCredentialReport");

        // Assert
        Assert.Equal(HttpStatusCode.Gone, before.Status);
        Assert.Equal("ReportNotPresent", IamWire.Element(before.Body, "Code"));
        Assert.Equal(["STARTED", "INPROGRESS", "COMPLETE"], states);
        Assert.Equal(HttpStatusCode.OK, status);
        var csv = Encoding.UTF8.GetString(Convert.FromBase64String(IamWire.Element(body, "Content")!));
        var report = CredentialReportParser.Parse(csv);
        Assert.Empty(report.Problems);
        Assert.Equal(22, csv.Split('\n')[0].Split(',').Length);
        Assert.NotNull(report.Root);
        Assert.Equal("2026-01-15T06:00:00Z", IamWire.Element(body, "GeneratedTime"));
    }

    [Fact]
    public async Task CredentialReport_GetWhileGenerating_IsReportInProgress()
    {
        // Arrange
        await using var server = await StandInServer.StartAsync(StandInFixture.Options(findings: 0), cancellationToken: StandInClient.Ct);
        using var wire = new IamWire(server.BaseUrl);
        await wire.CallAsync("GenerateCredentialReport");

        // Act
        var (status, body) = await wire.CallAsync("GetCredentialReport");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("ReportInProgress", IamWire.Element(body, "Code"));
    }

    [Fact]
    public void Data_SameSeed_IsTheSameAndHasTheRiskyCasesItPromises()
    {
        // Arrange
        var options = StandInFixture.Options(findings: 0);
        var first = new IamStandInData(StandInDataSet.Create(options), options);
        var second = new IamStandInData(StandInDataSet.Create(options), options);
        var organization = StandInDataSet.Create(options).Organization;

        // Act
        var accounts = organization.Accounts.Select(a => (First: first.For(a.Id)!, Second: second.For(a.Id)!)).ToList();

        // Assert
        Assert.All(accounts, pair =>
        {
            Assert.Equal(pair.First.Sections, pair.Second.Sections);
            Assert.Equal(pair.First.CredentialReportCsv, pair.Second.CredentialReportCsv);
        });
        var vulnerable = accounts[IamAccountBuilder.IamVulnerableIndex(organization.Accounts.Count)].First;
        Assert.EndsWith("cloudsplaining--example.json", vulnerable.Source, StringComparison.Ordinal);
        Assert.Contains(vulnerable.Users, u => u.StartsWith("privesc", StringComparison.Ordinal));
        var reports = accounts.Select(a => CredentialReportParser.Parse(a.First.CredentialReportCsv)).ToList();
        Assert.Single(reports, r => r.Root!.AccessKey1.Active);
        Assert.Single(reports, r => !r.Root!.MfaActive);
        var rows = reports.SelectMany(r => r.Rows.Where(row => !row.IsRoot)).ToList();
        Assert.Contains(rows, r => r.PasswordEnabled.IsTrue && !r.MfaActive);
        Assert.Contains(rows, r => r.PasswordLastUsed.Kind == CredentialValueKind.NoInformation);
        Assert.Contains(rows, r => r.ActiveAccessKeyCount == 2);
        Assert.Contains(rows, r => r.AccessKey1.Active && r.AccessKey1.LastRotated.Value < StandInFixture.Anchor.AddDays(-90));
        Assert.All(accounts, a => Assert.Equal(a.First.Users.Count + 1, CredentialReportParser.Parse(a.First.CredentialReportCsv).Rows.Count));
    }

    [Fact]
    public async Task IamFiles_DumpGivenAsAnAccount_IsServedAsThatAccountWithRewrittenArns()
    {
        // Arrange
        var dump = SharedData.Path("data", "iam", "cloudmapper", "iam-get-account-authorization-details.json");
        var options = StandInFixture.Options(findings: 0);
        options.IamFiles = [dump, "111122223333=" + SharedData.Path("data", "iam", "cloudsplaining", "test-authz-v2.json")];
        await using var server = await StandInServer.StartAsync(options, cancellationToken: StandInClient.Ct);
        using var client = new StandInClient(server.BaseUrl);
        using var wire = new IamWire(server.BaseUrl);

        // Act
        var cloudMapper = await wire.AllAuthorizationDetailsAsync(await client.AssumeRoleAsync("123456789012"), 1000);
        var rewritten = await wire.AllAuthorizationDetailsAsync(await client.AssumeRoleAsync("111122223333"), 1000);

        // Assert
        var details = IamAuthorizationDetails.Combine([.. cloudMapper.Select(p => ReadPage(p))]);
        Assert.Equal((2, 1, 4), (details.Users.Count, details.Groups.Count, details.Roles.Count));
        var other = IamAuthorizationDetails.Combine([.. rewritten.Select(p => ReadPage(p))]);
        Assert.Equal("111122223333", other.InferAccountId());
        Assert.DoesNotContain("012345678901", string.Concat(rewritten), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IamFiles_MissingFile_FailsNamingTheSetting()
    {
        // Arrange
        var options = StandInFixture.Options(findings: 0);
        options.IamFiles = ["/no/such/dump.json"];

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => StandInServer.StartAsync(options, cancellationToken: StandInClient.Ct));

        // Assert
        Assert.Contains("StandIn:IamFiles has '/no/such/dump.json'", error.Message, StringComparison.Ordinal);
    }

    private static IamAuthorizationDetails ReadPage(string xml) =>
        IamAuthorizationDetailsReader.Read(JsonSerializer.SerializeToElement(Dashboard.Aws.Iam.IamQueryXml.ReadResult(Encoding.UTF8.GetBytes(xml), "GetAccountAuthorizationDetails")));
}
