using System.Text.Json;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.CredentialReport;
using Dashboard.Data.Database;
using Dashboard.Data.Iam;
using Dashboard.Web.Hosting;
using Dashboard.Web.Tests.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Integration;

/// <summary>
/// `import iam`, `iam can` and `iam risks` as a security engineer scripts them: exit codes 0/1/2/3,
/// typed and multivalued --context values, principals by name, and bad input that changes nothing.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class IamCommandLineTests : IDisposable
{
    private const string Account = "111122223333";
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    // A user whose S3 access depends on MFA, its network, the time and request tags; a role named like
    // another user, so a bare name is ambiguous.
    private const string Dump = """
        {
          "UserDetailList": [
            {
              "UserName": "alice", "UserId": "AIDAALICE", "Path": "/", "Arn": "arn:aws:iam::111122223333:user/alice",
              "GroupList": [], "AttachedManagedPolicies": [], "Tags": [],
              "UserPolicyList": [{ "PolicyName": "conditional", "PolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [
                  { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } } },
                  { "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*", "Condition": { "IpAddress": { "aws:SourceIp": "203.0.113.0/24" } } },
                  { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": { "DateGreaterThan": { "aws:CurrentTime": "2001-01-01T00:00:00Z" } } },
                  { "Effect": "Allow", "Action": "s3:PutObjectTagging", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "cost-center"] } } },
                  { "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*" }
                ] } }]
            },
            {
              "UserName": "deploy", "UserId": "AIDADEPLOY", "Path": "/", "Arn": "arn:aws:iam::111122223333:user/deploy",
              "GroupList": [], "UserPolicyList": [], "Tags": [],
              "AttachedManagedPolicies": [{ "PolicyName": "app", "PolicyArn": "arn:aws:iam::111122223333:policy/app" }]
            }
          ],
          "GroupDetailList": [],
          "RoleDetailList": [
            {
              "RoleName": "deploy", "RoleId": "AROADEPLOY", "Path": "/", "Arn": "arn:aws:iam::111122223333:role/deploy",
              "AssumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }] },
              "InstanceProfileList": [], "RolePolicyList": [], "AttachedManagedPolicies": [], "Tags": []
            }
          ],
          "Policies": [
            {
              "PolicyName": "app", "PolicyId": "ANPAAPP", "Arn": "arn:aws:iam::111122223333:policy/app", "Path": "/",
              "DefaultVersionId": "v2", "AttachmentCount": 1, "IsAttachable": true,
              "PolicyVersionList": [
                { "VersionId": "v2", "IsDefaultVersion": true, "Document": "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D" },
                { "VersionId": "v1", "IsDefaultVersion": false, "Document": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }] } }
              ]
            }
          ]
        }
        """;

    private async Task ImportAsync()
    {
        var file = Path.Combine(_data.Path, "dump.json");
        await File.WriteAllTextAsync(file, Dump, TestContext.Current.CancellationToken);
        var (exit, output, errors) = await CommandLineTests.RunWithErrorsAsync("import", "iam", Account, file, "--data", _data.Path);
        Assert.True(exit == 0, errors);
        Assert.Contains("2 users, 1 roles", output);
    }

    private Task<(int ExitCode, string Output, string Errors)> CanAsync(string principal, string action, params string[] context) =>
        CommandLineTests.RunWithErrorsAsync(
            ["iam", "can", "--account", Account, "--principal", principal, "--action", action, "--resource", "arn:aws:s3:::bucket/key", .. context.SelectMany(c => new[] { "--context", c }), "--data", _data.Path]);

    [Theory]
    [InlineData("s3:GetObject", new string[0], 2, "ConditionallyAllowed")]
    [InlineData("s3:GetObject", new[] { "aws:MultiFactorAuthPresent=true" }, 0, "Allowed")]
    [InlineData("s3:GetObject", new[] { "aws:MultiFactorAuthPresent=false" }, 1, "ImplicitDeny")]
    [InlineData("s3:PutObject", new[] { "aws:SourceIp=203.0.113.7" }, 0, "Allowed")]
    [InlineData("s3:PutObject", new[] { "aws:SourceIp=198.51.100.1" }, 1, "ImplicitDeny")]
    [InlineData("s3:ListBucket", new string[0], 0, "Allowed")]
    [InlineData("s3:ListBucket", new[] { "aws:CurrentTime=1999-12-31T00:00:00Z" }, 1, "ImplicitDeny")]
    [InlineData("s3:PutObjectTagging", new[] { "aws:TagKeys=team", "aws:TagKeys=cost-center" }, 0, "Allowed")]
    [InlineData("s3:PutObjectTagging", new[] { "aws:TagKeys=team", "aws:TagKeys=owner" }, 1, "ImplicitDeny")]
    [InlineData("s3:DeleteObject", new[] { "aws:MultiFactorAuthPresent=true" }, 1, "ExplicitDeny")]
    public async Task IamCan_ContextValues_DecideAndSetTheExitCode(string action, string[] context, int expectedExit, string expectedKind)
    {
        await ImportAsync();

        var (exit, output, errors) = await CanAsync("arn:aws:iam::111122223333:user/alice", action, context);

        Assert.True(expectedExit == exit, $"exit {exit}: {output}{errors}");
        using var decision = JsonDocument.Parse(output);
        Assert.Equal(expectedKind, decision.RootElement.GetProperty("kind").GetString());
        Assert.NotEmpty(decision.RootElement.GetProperty("summary").GetString()!);
    }

    [Fact]
    public async Task IamCan_Conditional_ExplainsTheConditionInTheJson()
    {
        await ImportAsync();

        var (_, output, _) = await CanAsync("alice", "s3:GetObject");

        using var decision = JsonDocument.Parse(output);
        var clause = decision.RootElement.GetProperty("allowedOnlyIf")[0].GetProperty("alternatives")[0].GetProperty("clauses")[0];
        Assert.Equal("aws:MultiFactorAuthPresent", clause.GetProperty("key").GetString());
    }

    [Theory]
    [InlineData("s3:GetObject", 0)]
    [InlineData("iam:CreateUser", 1)]
    public async Task IamCan_ManagedPolicyWithAnOldPermissiveVersion_EvaluatesOnlyTheDefaultVersion(string action, int expectedExit)
    {
        // v2 (default) is URL-encoded as the IAM API sends it; v1, not in force, allows everything.
        await ImportAsync();

        var (exit, output, errors) = await CanAsync("user/deploy", action);

        Assert.True(expectedExit == exit, output + errors);
    }

    [Theory]
    [InlineData("alice", "arn:aws:iam::111122223333:user/alice")]
    [InlineData("ALICE", "arn:aws:iam::111122223333:user/alice")]
    [InlineData("user/deploy", "arn:aws:iam::111122223333:user/deploy")]
    [InlineData("role/deploy", "arn:aws:iam::111122223333:role/deploy")]
    [InlineData("root", "arn:aws:iam::111122223333:root")]
    public async Task IamCan_PrincipalByName_ResolvesToItsArn(string principal, string expectedArn)
    {
        await ImportAsync();

        var (exit, output, errors) = await CanAsync(principal, "s3:GetObject", "aws:MultiFactorAuthPresent=true");

        Assert.True(exit is 0 or 1, errors);
        using var decision = JsonDocument.Parse(output);
        Assert.Equal(expectedArn, decision.RootElement.GetProperty("principal").GetString());
    }

    [Theory]
    [InlineData("deploy", new string[0], "names more than one principal")]
    [InlineData("nobody", new string[0], "no user or role named 'nobody'")]
    [InlineData("alice", new[] { "aws:MultiFactorAuthPresent=yes" }, "is not true or false")]
    [InlineData("alice", new[] { "aws:SourceIp=203.0.113.0/24" }, "not one IP address")]
    [InlineData("alice", new[] { "aws:CurrentTime=tomorrow" }, "not a date and time")]
    [InlineData("alice", new[] { "MultiFactorAuthPresent=true" }, "not prefix:name")]
    [InlineData("alice", new[] { "novalue" }, "is not key=value")]
    public async Task IamCan_BadArgument_ExitsThreeWithAMessageAndNoJson(string principal, string[] context, string expected)
    {
        await ImportAsync();

        var (exit, output, errors) = await CanAsync(principal, "s3:GetObject", context);

        Assert.Equal(3, exit);
        Assert.Empty(output);
        Assert.Contains(expected, errors);
        Assert.DoesNotContain("Parameter '", errors);
    }

    [Fact]
    public async Task IamCan_ResourceNotAnArn_ExitsThree()
    {
        await ImportAsync();

        var (exit, _, errors) = await CommandLineTests.RunWithErrorsAsync(
            "iam", "can", "--account", Account, "--principal", "alice", "--action", "s3:GetObject", "--resource", "bucket", "--data", _data.Path);

        Assert.Equal(3, exit);
        Assert.Contains("Resource 'bucket' is not an ARN", errors);
    }

    [Fact]
    public async Task IamVerbs_NoCacheInTheFolder_ExitThreeAndCreateNothing()
    {
        var empty = Path.Combine(_data.Path, "nothing-here");

        var can = await CommandLineTests.RunWithErrorsAsync("iam", "can", "--account", Account, "--principal", "alice", "--action", "s3:GetObject", "--data", empty);
        var risks = await CommandLineTests.RunWithErrorsAsync("iam", "risks", "--data", empty);

        Assert.Equal(3, can.ExitCode);
        Assert.Equal(3, risks.ExitCode);
        Assert.Contains("No cache at", can.Errors);
        Assert.Contains("No cache at", risks.Errors);
        Assert.False(File.Exists(Path.Combine(empty, "dashboard.db")));
    }

    [Fact]
    public async Task IamRisks_AccountWithoutData_IsAnErrorNotAnEmptyList()
    {
        await ImportAsync();

        var (exit, output, errors) = await CommandLineTests.RunWithErrorsAsync("iam", "risks", "--account", "999999999999", "--data", _data.Path);

        Assert.Equal(3, exit);
        Assert.Empty(output);
        Assert.Contains("No IAM data cached for account 999999999999", errors);
    }

    [Fact]
    public async Task IamRisks_SeverityFilter_ReturnsOnlyThoseSeverities()
    {
        var dump = Path.Combine(SharedData.Root, "data", "iam", "cloudsplaining", "example.json");
        Assert.Equal(0, (await CommandLineTests.RunWithErrorsAsync("import", "iam", "200611803367", dump, "--data", _data.Path)).ExitCode);

        var (exit, output, _) = await CommandLineTests.RunWithErrorsAsync("iam", "risks", "--account", "200611803367", "--severity", "critical,high", "--data", _data.Path);
        var bad = await CommandLineTests.RunWithErrorsAsync("iam", "risks", "--severity", "urgent", "--data", _data.Path);

        Assert.Equal(0, exit);
        using var risks = JsonDocument.Parse(output);
        var severities = risks.RootElement.EnumerateArray().Select(r => r.GetProperty("severity").GetString()).Distinct().ToList();
        Assert.NotEmpty(severities);
        Assert.All(severities, s => Assert.Contains(s, new[] { "Critical", "High" }));
        Assert.Equal(3, bad.ExitCode);
        Assert.Contains("'urgent'", bad.Errors);
    }

    [Fact]
    public async Task IamRisksCsv_HasTheExplanationColumn()
    {
        var dump = Path.Combine(SharedData.Root, "data", "iam", "cloudsplaining", "example.json");
        Assert.Equal(0, (await CommandLineTests.RunWithErrorsAsync("import", "iam", "200611803367", dump, "--data", _data.Path)).ExitCode);

        var (exit, output, _) = await CommandLineTests.RunWithErrorsAsync("iam", "risks", "--format", "csv", "--rule", "iam_principal_not_admin_equivalent", "--data", _data.Path);

        Assert.Equal(0, exit);
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(new StringReader(output)) { Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        var header = parser.ReadFields()!;
        Assert.Equal("Explanation", header[^1]);
        var records = new List<string[]>();
        while (!parser.EndOfData) records.Add(parser.ReadFields()!);
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(("iam_principal_not_admin_equivalent", header.Length), (r[1], r.Length)));
        Assert.All(records, r => Assert.Contains("allowed by", r[^1]));
    }

    [Theory]
    [InlineData("{\"UserDetailList\": 5}", "must be a list")]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("{\"Account\": \"x\"}", "is not GetAccountAuthorizationDetails output")]
    public async Task ImportIam_BadFile_ExitsThreeAndKeepsTheCachedAccount(string content, string expected)
    {
        await ImportAsync();
        var bad = Path.Combine(_data.Path, "bad.json");
        await File.WriteAllTextAsync(bad, content, TestContext.Current.CancellationToken);

        var (exit, _, errors) = await CommandLineTests.RunWithErrorsAsync("import", "iam", Account, bad, "--data", _data.Path);
        var (canExit, canOutput, _) = await CanAsync("alice", "s3:GetObject", "aws:MultiFactorAuthPresent=true");

        Assert.Equal(3, exit);
        Assert.Contains(expected, errors);
        Assert.Contains("Nothing was changed", errors);
        Assert.Equal(0, canExit);
        Assert.Contains("user/alice", canOutput);
    }

    [Theory]
    [InlineData("aws-cli-examples", "get-account-authorization-details-01.json", "123456789012")]
    [InlineData("cloudmapper", "iam-get-account-authorization-details.json", "123456789012")]
    [InlineData("cloudsplaining", "test-example-authz-details.json", "012345678901")]
    public async Task ImportIam_RealDumps_AreAccepted(string folder, string file, string account)
    {
        var dump = Path.Combine(SharedData.Root, "data", "iam", folder, file);

        var (exit, output, errors) = await CommandLineTests.RunWithErrorsAsync("import", "iam", account, dump, "--data", _data.Path);

        Assert.True(exit == 0, errors);
        Assert.Contains($"account {account}", output);
        // A dump has no credential report or settings and nothing is cached: the rules needing them say so.
        Assert.Contains("not evaluated without a credential report", output);
    }

    [Fact]
    public async Task IamRisks_DumpWithoutAccountData_ListsTheRulesThatCouldNotBeEvaluated()
    {
        await ImportAsync();

        var (exit, output, _) = await CommandLineTests.RunWithErrorsAsync("iam", "risks", "--status", "error", "--data", _data.Path);
        var (defaultExit, defaultOutput, _) = await CommandLineTests.RunWithErrorsAsync("iam", "risks", "--data", _data.Path);
        var bad = await CommandLineTests.RunWithErrorsAsync("iam", "risks", "--status", "passed", "--data", _data.Path);

        Assert.Equal((0, 0), (exit, defaultExit));
        using var risks = JsonDocument.Parse(output);
        var rows = risks.RootElement.EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("ruleId").GetString() == "iam_root_mfa_enabled");
        Assert.Contains(rows, r => r.GetProperty("ruleId").GetString() == "iam_password_policy_cis");
        Assert.All(rows, r => Assert.Equal("Error", r.GetProperty("status").GetString()));
        Assert.All(rows, r => Assert.Contains("an authorization-details dump does not carry it", r.GetProperty("message").GetString()));
        Assert.Contains("iam_root_mfa_enabled", defaultOutput);
        Assert.Equal(3, bad.ExitCode);
        Assert.Contains("'passed'", bad.Errors);
    }

    [Fact]
    public async Task ImportIam_AccountIdNotTheDumps_ExitsThreeAndChangesNothing()
    {
        await ImportAsync();
        var other = Path.Combine(_data.Path, "other.json");
        await File.WriteAllTextAsync(other, Dump.Replace("111122223333", "444455556666", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (exit, output, errors) = await CommandLineTests.RunWithErrorsAsync("import", "iam", Account, other, "--data", _data.Path);
        var (canExit, canOutput, _) = await CanAsync("alice", "s3:GetObject", "aws:MultiFactorAuthPresent=true");

        Assert.Equal(3, exit);
        Assert.Empty(output);
        Assert.Contains("belong to account 444455556666, not 111122223333", errors);
        Assert.Contains("Nothing was changed", errors);
        Assert.Contains("--force", errors);
        Assert.Equal(0, canExit);
        Assert.Contains("arn:aws:iam::111122223333:user/alice", canOutput);
    }

    [Fact]
    public async Task ImportIam_AccountIdNotTheDumpsWithForce_StoresItAndWarns()
    {
        var other = Path.Combine(_data.Path, "other.json");
        await File.WriteAllTextAsync(other, Dump.Replace("111122223333", "444455556666", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (exit, output, errors) = await CommandLineTests.RunWithErrorsAsync("import", "iam", Account, other, "--force", "--data", _data.Path);

        Assert.True(exit == 0, errors);
        Assert.Contains("warning: Some entities belong to account 444455556666, not 111122223333.", output);
    }

    [Fact]
    public async Task ImportIam_OverASyncedAccount_KeepsItsCredentialReportSummaryAndPasswordPolicy()
    {
        var ct = TestContext.Current.CancellationToken;
        await SeedSyncedAccountAsync(ct);
        var file = Path.Combine(_data.Path, "dump.json");
        await File.WriteAllTextAsync(file, Dump, ct);

        var (exit, output, errors) = await CommandLineTests.RunWithErrorsAsync("import", "iam", Account, file, "--data", _data.Path);
        var (risksExit, risksOutput, _) = await CommandLineTests.RunWithErrorsAsync("iam", "risks", "--account", Account, "--data", _data.Path);

        Assert.True(exit == 0, errors);
        Assert.Contains("Kept the credential report generated 2026-01-10 08:00 UTC, the account summary and the password policy of the cached snapshot collected 2026-01-10 09:00 UTC; a dump carries none.", output);
        Assert.DoesNotContain("not evaluated", output);
        Assert.Equal(0, risksExit);
        using var risks = JsonDocument.Parse(risksOutput);
        var rules = risks.RootElement.EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToList();
        // The kept report says root has no MFA; the kept policy is too short for CIS.
        Assert.Contains("iam_root_mfa_enabled", rules);
        Assert.Contains("iam_password_policy_cis", rules);
        var snapshot = await CachedSnapshotAsync(ct);
        Assert.Equal(IamSnapshotSource.AuthorizationDetailsDump, snapshot.Source);
        Assert.Equal(2, snapshot.Users.Count);
        Assert.NotNull(snapshot.CredentialReport);
        Assert.Equal(3, snapshot.AccountSummary["Users"]);
        Assert.Equal(8, snapshot.PasswordPolicy!.MinimumPasswordLength);
    }

    private const string RootWithoutMfa = """
        user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated
        <root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,no_information,not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A
        """;

    /// <summary>What a sync would have cached for the account: a snapshot with a credential report, summary and password policy.</summary>
    private async Task SeedSyncedAccountAsync(CancellationToken ct)
    {
        var collected = new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
        var synced = new IamAccountSnapshot { AccountId = Account, CollectedAt = collected }.WithAccountData(
            CredentialReportParser.Parse(RootWithoutMfa, collected.AddHours(-1)),
            new Dictionary<string, long> { ["Users"] = 3, ["AccountMFAEnabled"] = 0 },
            IamPasswordPolicyStatus.Custom,
            new IamPasswordPolicy { MinimumPasswordLength = 8 },
            [],
            []);
        await using var app = await DashboardApp.BuildAsync(["--Dashboard:Demo=false"], _data.Path, forWeb: false, ct: ct);
        await DatabaseMigrator.MigrateAsync(app.Services, ct);
        await app.Services.GetRequiredService<IamStore>().SaveAsync(synced, [], syncRunId: null, ct);
    }

    private async Task<IamAccountSnapshot> CachedSnapshotAsync(CancellationToken ct)
    {
        await using var app = await DashboardApp.BuildAsync(["--Dashboard:Demo=false"], _data.Path, forWeb: false, ct: ct);
        return (await app.Services.GetRequiredService<IamQueries>().GetSnapshotAsync(Account, ct))!;
    }
}
