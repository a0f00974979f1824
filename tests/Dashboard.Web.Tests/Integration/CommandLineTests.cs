using System.Text.Json;
using Dashboard.Web.Cli;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Integration;

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>The executable's verbs as a user types them (they write to the process console, so not in parallel).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var (exit, output, _) = await RunWithErrorsAsync(args);
        return (exit, output);
    }

    internal static async Task<(int ExitCode, string Output, string Errors)> RunWithErrorsAsync(params string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(output);
        Console.SetError(errors);
        try
        {
            var exit = await DashboardCommandLine.InvokeAsync(args);
            return (exit, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    [Fact]
    public async Task Migrate_EmptyFolder_CreatesTheCache()
    {
        var (exit, output) = await RunAsync("migrate", "--data", _data.Path);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(_data.Path, "dashboard.db")));
        Assert.Contains("up to date", output);
    }

    [Fact]
    public async Task ImportFindings_ValidAndInvalidFiles_StoresTheValidOnesAndNamesTheRejected()
    {
        var good = Path.Combine(SharedData.Asff, "aws-cli-examples", "securityhub-get-findings-01.json");
        var invalid = Path.Combine(SharedData.Asff, "awsdocs-securityhub", "sample-control-finding-04.INVALID-original.json.txt");

        var (exit, output) = await RunAsync("import", "findings", good, invalid, "--data", _data.Path);

        Assert.Equal(1, exit);
        Assert.Contains("securityhub-get-findings-01.json: 1 stored, 0 rejected", output);
        Assert.Contains("sample-control-finding-04.INVALID-original.json.txt: rejected the whole file: invalid JSON", output);
        Assert.Contains("Total: 1 stored, 0 rejected, 1 file(s) unreadable.", output);
    }

    [Fact]
    public async Task FindingsExport_JsonWithAFilter_WritesTheOriginalAsffOfMatchingFindings()
    {
        var files = Directory.GetFiles(Path.Combine(SharedData.Asff, "asr", "simdata"), "*.json");
        var (importExit, _) = await RunAsync(["import", "findings", .. files, "--data", _data.Path]);
        Assert.Equal(0, importExit);
        var exported = Path.Combine(_data.Path, "critical.json");

        var (exit, _) = await RunAsync("findings", "export", "--format", "json", "--severity", "CRITICAL", "-o", exported, "--data", _data.Path);

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(exported, TestContext.Current.CancellationToken));
        var findings = document.RootElement.GetProperty("Findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("CRITICAL", f.GetProperty("Severity").GetProperty("Label").GetString()));
        Assert.All(findings, f => Assert.True(f.TryGetProperty("SchemaVersion", out _), "the original ASFF is kept"));
    }

    private static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dashboard.sln"))) return Path.Combine([dir.FullName, .. parts]);
        throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public async Task ImportIam_ThenCanAndRisks_AnswersFromTheDumpWithoutAws()
    {
        var dump = Path.Combine(SharedData.Root, "data", "iam", "cloudsplaining", "example.json");
        var (importExit, importOutput) = await RunAsync("import", "iam", "200611803367", dump, "--data", _data.Path);
        Assert.Equal(0, importExit);
        Assert.Contains("account 200611803367", importOutput);

        var (risksExit, risksOutput) = await RunAsync("iam", "risks", "--format", "csv", "--data", _data.Path);
        Assert.Equal(0, risksExit);
        Assert.StartsWith("AccountId,RuleId", risksOutput);
        Assert.Contains("iam_principal_no_privilege_escalation", risksOutput);

        using var risks = JsonDocument.Parse((await RunAsync("iam", "risks", "--data", _data.Path)).Output);
        var admin = risks.RootElement.EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "iam_principal_not_admin_equivalent");
        var adminArn = admin.GetProperty("resourceArn").GetString()!;

        var (allowedExit, allowedOutput) = await RunAsync("iam", "can", "--account", "200611803367", "--principal", adminArn, "--action", "iam:CreateUser", "--data", _data.Path);
        Assert.Equal(0, allowedExit);
        using var decision = JsonDocument.Parse(allowedOutput);
        Assert.Equal("Allowed", decision.RootElement.GetProperty("kind").GetString());

        var (unknownExit, _) = await RunAsync("iam", "can", "--account", "200611803367", "--principal", "arn:aws:iam::200611803367:user/nobody", "--action", "s3:GetObject", "--data", _data.Path);
        Assert.Equal(3, unknownExit);
    }

    [Fact]
    public async Task ImportOrg_ThenGuardrails_PrintsTheMatrix()
    {
        var file = RepoFile("src", "Dashboard.StandIn", "Seed", "org", "aws-example-organization.json");
        var (importExit, importOutput) = await RunAsync("import", "org", file, "--data", _data.Path);
        Assert.Equal(0, importExit);
        Assert.Contains("accounts", importOutput);

        var (exit, output) = await RunAsync("org", "guardrails", "--format", "csv", "--data", _data.Path);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 1);
        Assert.Contains("leave-organization", output);
    }

    [Fact]
    public async Task IamCan_OrganizationImported_AnswersThroughTheAccountsScpsAndNamesTheLevel()
    {
        // Arrange: the AWS example organization; its Test Account (444444444444) has only AllowAllEC2Actions attached.
        var org = RepoFile("src", "Dashboard.StandIn", "Seed", "org", "aws-example-organization.json");
        Assert.Equal(0, (await RunAsync("import", "org", org, "--data", _data.Path)).ExitCode);
        foreach (var account in new[] { "444444444444", "111111111111" })
        {
            var dump = Path.Combine(_data.Path, $"iam-{account}.json");
            await File.WriteAllTextAsync(dump, $$$"""
                {"UserDetailList": [{"Path": "/", "UserName": "admin", "UserId": "AIDAEXAMPLE{{{account}}}", "Arn": "arn:aws:iam::{{{account}}}:user/admin",
                  "CreateDate": "2020-01-01T00:00:00Z", "GroupList": [], "AttachedManagedPolicies": [], "Tags": [],
                  "UserPolicyList": [{"PolicyName": "admin", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}]}],
                 "GroupDetailList": [], "RoleDetailList": [], "Policies": [], "IsTruncated": false}
                """, TestContext.Current.CancellationToken);
            Assert.Equal(0, (await RunAsync("import", "iam", account, dump, "--data", _data.Path)).ExitCode);
        }

        // Act
        var (deniedExit, deniedOutput, _) = await RunWithErrorsAsync("iam", "can", "--account", "444444444444", "--principal", "arn:aws:iam::444444444444:user/admin", "--action", "iam:CreateUser", "--data", _data.Path);
        var (ec2Exit, _, _) = await RunWithErrorsAsync("iam", "can", "--account", "444444444444", "--principal", "arn:aws:iam::444444444444:user/admin", "--action", "ec2:RunInstances", "--data", _data.Path);
        var (managementExit, _, managementErrors) = await RunWithErrorsAsync("iam", "can", "--account", "111111111111", "--principal", "arn:aws:iam::111111111111:user/admin", "--action", "iam:CreateUser", "--data", _data.Path);

        // Assert
        Assert.Equal((1, 0, 0), (deniedExit, ec2Exit, managementExit));
        using var denied = JsonDocument.Parse(deniedOutput);
        Assert.Equal("ImplicitDeny", denied.RootElement.GetProperty("kind").GetString());
        Assert.Contains("Account 'Test Account' (444444444444)", denied.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("SCPs do not apply: 111111111111 is the management account", managementErrors, StringComparison.Ordinal);
    }
}
