using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.CredentialReport;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Database;
using Dashboard.Data.Iam;
using Dashboard.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Data.Tests.Iam;

/// <summary>The real cloudsplaining example account (shared/data/iam) with a credential report for one of its users.</summary>
internal static class IamTestData
{
    public const string ExampleAccount = "200611803367";
    public const string ReportedUserArn = "arn:aws:iam::200611803367:user/fp3-deny-iam-user";
    public static readonly DateTimeOffset PasswordUsed = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
    public static readonly DateTimeOffset KeyUsed = new(2025, 3, 5, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset CollectedAt = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static IamAccountSnapshot Example(DateTimeOffset? collectedAt = null, string? accountId = null)
    {
        var json = File.ReadAllText(Path.Combine(SharedData.Root, "iam", "cloudsplaining", "example.json"));
        var dump = IamAuthorizationDetailsReader.ReadSnapshot(json, ExampleAccount, collectedAt ?? CollectedAt);
        var header = string.Join(',', CredentialReportParser.Columns);
        var row = $"fp3-deny-iam-user,{ReportedUserArn},2024-01-01T00:00:00+00:00,true,{PasswordUsed:O},N/A,N/A,false,"
            + $"true,2024-01-01T00:00:00+00:00,{KeyUsed:O},us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
        return new IamAccountSnapshot
        {
            AccountId = accountId ?? dump.AccountId,
            CollectedAt = dump.CollectedAt,
            Source = IamSnapshotSource.Api,
            Users = dump.Users,
            Groups = dump.Groups,
            Roles = dump.Roles,
            ManagedPolicies = dump.ManagedPolicies,
            Warnings = [.. dump.Warnings, "The credential report was 3 hours old."],
            CredentialReport = CredentialReportParser.Parse(header + "\n" + row + "\n", collectedAt ?? CollectedAt),
        };
    }

    public static IReadOnlyList<RiskResult> Risks(IamAccountSnapshot snapshot) => new IamRiskAnalyzer(TimeProvider.System).Analyze(snapshot);

    public static IamStore Store(this TestDatabase db) => db.Services.GetRequiredService<IamStore>();

    public static IamQueries IamQueries(this TestDatabase db) => db.Services.GetRequiredService<IamQueries>();

    public static async Task<(int Snapshots, int Principals, int Risks)> CountRowsAsync(this TestDatabase db, CancellationToken ct)
    {
        await using var context = await db.Factory.CreateDbContextAsync(ct);
        return (await context.IamSnapshots.CountAsync(ct), await context.IamPrincipals.CountAsync(ct), await context.IamRisks.CountAsync(ct));
    }

    /// <summary>A small hand-made result for filter tests.</summary>
    public static RiskResult Risk(string account, string rule, Core.Findings.Severity severity, string arn, string message, RiskStatus status = RiskStatus.Fail) => new()
    {
        RuleId = rule,
        Title = $"Title of {rule}",
        Severity = severity,
        Category = RiskCategory.Credentials,
        Status = status,
        AccountId = account,
        ResourceType = RiskResourceType.User,
        ResourceArn = arn,
        ResourceName = arn[(arn.LastIndexOf('/') + 1)..],
        Message = message,
        Remediation = "Fix it.",
        Items = ["item-1"],
        ConditionalItems = status == RiskStatus.Conditional ? ["cond-1"] : [],
        Explanation = ["line 1", "line 2"],
    };

    public static IamAccountSnapshot Small(string account, params string[] userNames) => new()
    {
        AccountId = account,
        CollectedAt = CollectedAt,
        Users = [.. userNames.Select(n => new IamUser { Arn = $"arn:aws:iam::{account}:user/{n}", UserName = n })],
        Roles = [new IamRole { Arn = $"arn:aws:iam::{account}:role/Admin", RoleName = "Admin", LastUsed = new IamRoleLastUsed(KeyUsed, "eu-west-1") }],
    };
}
