using Dashboard.Core.Organizations;
using Dashboard.Data.Organizations;

namespace Dashboard.Web.Tests.Organizations;

/// <summary>
/// Organizations for the tests: the AWS documentation's example organization (the stand-in's seed file)
/// and a hand-built one with deny-list guardrails, a break-glass exemption, a suspended account, an
/// unreadable SCP, and the IAM example account as a member.
/// </summary>
internal static class OrganizationTestData
{
    public const string RootId = "r-ab12";
    public const string Management = "111111111111";
    public const string Member = "200611803367"; // the cloudsplaining example account
    public const string Suspended = "444444444444";
    public const string LegacyAccount = "555555555555";
    public const string Workloads = "ou-ab12-workload1";
    public const string Legacy = "ou-ab12-legacyou1";
    public const string DenyLeaveId = "p-denyleave1";
    public const string DenyIamId = "p-denyiamusr";
    public const string BrokenId = "p-brokenscp1";
    public static readonly DateTimeOffset CollectedAt = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<string> RepoRoot = new(FindRepoRoot);

    public static string AwsExamplePath => Path.Combine(RepoRoot.Value, "src", "Dashboard.StandIn", "Seed", "org", "aws-example-organization.json");

    public static OrganizationSnapshot AwsExample() => OrganizationFileReader.ReadFile(AwsExamplePath);

    public static CachedOrganization Cached(OrganizationSnapshot snapshot) => new(snapshot, CollectedAt, 3, "import");

    public const string FullAwsAccess = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    public const string DenyLeave = """
        {"Version":"2012-10-17","Statement":[{"Sid":"DenyLeaving","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*",
          "Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/BreakGlass"}}}]}
        """;

    public const string DenyIamUsers = """
        {"Version":"2012-10-17","Statement":[{"Sid":"DenyIamUsersAndKeys","Effect":"Deny","Action":["iam:CreateUser","iam:CreateAccessKey"],"Resource":"*"}]}
        """;

    /// <summary>The hand-built organization; <paramref name="name"/> replaces the Workloads OU's and the deny SCP's names (for hostile text).</summary>
    public static OrganizationSnapshot Guarded(string? name = null) => OrganizationSnapshot.Create(
        new OrganizationDetails("o-a1b2c3d4e5", Management, "root@example.com", OrganizationDetails.AllFeatures),
        new OrganizationRoot(RootId, "Root") { EnabledPolicyTypes = [OrganizationPolicyTypes.ServiceControlPolicy] },
        [new OrganizationalUnit(Workloads, name ?? "Workloads", RootId), new OrganizationalUnit(Legacy, "Legacy", RootId)],
        [
            new OrganizationAccount(Management, "management", "root@example.com", "ACTIVE", RootId),
            new OrganizationAccount(Member, "iam-example", "example@example.com", "ACTIVE", Workloads),
            new OrganizationAccount(Suspended, "old", "old@example.com", "SUSPENDED", Workloads),
            new OrganizationAccount(LegacyAccount, "legacy", "legacy@example.com", "ACTIVE", Legacy),
        ],
        [
            new OrganizationPolicy("p-FullAWSAccess", "FullAWSAccess", OrganizationPolicyTypes.ServiceControlPolicy, true, FullAwsAccess),
            new OrganizationPolicy(DenyLeaveId, "DenyLeaveOrganization", OrganizationPolicyTypes.ServiceControlPolicy, false, DenyLeave),
            new OrganizationPolicy(DenyIamId, name ?? "DenyIamUsers", OrganizationPolicyTypes.ServiceControlPolicy, false, DenyIamUsers),
            new OrganizationPolicy(BrokenId, "BrokenScp", OrganizationPolicyTypes.ServiceControlPolicy, false, "{ \"Version\": \"2012-10-17\", \"Statement\": [ "),
        ],
        new Dictionary<string, IReadOnlyList<string>>
        {
            [RootId] = ["p-FullAWSAccess", DenyLeaveId],
            [Workloads] = ["p-FullAWSAccess", DenyIamId],
            [Legacy] = ["p-FullAWSAccess", BrokenId],
            [Management] = ["p-FullAWSAccess"],
            [Member] = ["p-FullAWSAccess"],
            [Suspended] = ["p-FullAWSAccess"],
            [LegacyAccount] = ["p-FullAWSAccess"],
        });

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "src", "Dashboard.StandIn", "Seed", "org", "aws-example-organization.json")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds src/Dashboard.StandIn/Seed/org/aws-example-organization.json");
    }
}

/// <summary>The organization cache in memory; <see cref="Failure"/> makes it throw.</summary>
internal sealed class FakeOrganizationDataSource : Dashboard.Web.Organizations.IOrganizationDataSource
{
    public CachedOrganization? Latest { get; set; }
    public Exception? Failure { get; set; }

    public Task<CachedOrganization?> GetLatestAsync(CancellationToken ct = default)
        => Failure is { } failure ? Task.FromException<CachedOrganization?>(failure) : Task.FromResult(Latest);
}
