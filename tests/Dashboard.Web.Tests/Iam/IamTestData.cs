using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Iam;
using Dashboard.Web.Tests.Components;

namespace Dashboard.Web.Tests.Iam;

/// <summary>
/// The real IAM inputs of the tests: cloudsplaining's example account (IAM-Vulnerable's privesc and fp/fn
/// principals, AWS SSO roles, a cross-account OrganizationAccountAccessRole) and its risks, as the cache
/// would hand them to the pages.
/// </summary>
internal static class IamTestData
{
    public const string AccountId = "200611803367";
    public const string OtherAccount = "072528804237";
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IamAccountSnapshot> LazySnapshot = new(() =>
        IamAuthorizationDetailsReader.ReadSnapshot(File.ReadAllText(ExamplePath), null, Now));

    private static readonly Lazy<Dictionary<string, RiskRuleMetadata>> RulesById = new(() => IamRiskRules.All().ToDictionary(r => r.Metadata.Id, r => r.Metadata));

    private static readonly Lazy<IReadOnlyList<IamRiskRow>> LazyRisks = new(() => ToRows(new IamRiskAnalyzer(new FixedTimeProvider(Now)).Analyze(Example)));

    public static string ExamplePath => Path.Combine(SharedData.Root, "data", "iam", "cloudsplaining", "example.json");

    /// <summary>The example account (read once; snapshots are immutable).</summary>
    public static IamAccountSnapshot Example => LazySnapshot.Value;

    /// <summary>Every risk result of the example account, as cached rows (explanations joined by newlines).</summary>
    public static IReadOnlyList<IamRiskRow> Risks => LazyRisks.Value;

    public static string RoleArn(string name) => Example.Roles.Single(r => r.RoleName == name).Arn;

    public static string UserArn(string name) => Example.Users.Single(u => u.UserName == name).Arn;

    public static IReadOnlyList<IamRiskRow> ToRows(IEnumerable<RiskResult> results)
        => [.. results.Select((r, i) => new IamRiskRow(
            i + 1, r.AccountId, r.RuleId, r.Title, r.Severity, r.Category, r.Status, r.ResourceArn, r.ResourceName, r.ResourceType,
            r.Message, r.Remediation, r.Items, r.Explanation.Count == 0 ? null : string.Join("\n", r.Explanation),
            Rule(r.RuleId)?.Risk, Rule(r.RuleId)?.Reference))];

    /// <summary>Counts by rule as the cache computes them (the default filter: Fail, Conditional and Error).</summary>
    public static IReadOnlyList<IamRiskCount> Counts(IEnumerable<IamRiskRow> risks)
        => [.. risks
            .Where(r => r.Status is RiskStatus.Fail or RiskStatus.Conditional or RiskStatus.Error)
            .GroupBy(r => r.RuleId)
            .Select(g => new IamRiskCount(g.Key, g.First().Title, g.First().Severity, g.First().Category, g.Count(), g.Select(r => r.AccountId).Distinct().Count(),
                Rule(g.Key)?.Risk, Rule(g.Key)?.Remediation, Rule(g.Key)?.Reference))];

    /// <summary>A rule's metadata, as the cache's queries attach it to rows and counts.</summary>
    public static RiskRuleMetadata? Rule(string ruleId) => RulesById.Value.GetValueOrDefault(ruleId);

    public static IamAccountRow AccountRow(IamAccountSnapshot snapshot, IReadOnlyList<string>? warnings = null) => new(
        snapshot.AccountId, snapshot.CollectedAt, 7, "import", snapshot.Users.Count, snapshot.Roles.Count, snapshot.Groups.Count,
        snapshot.ManagedPolicies.Count, 0, warnings ?? snapshot.Warnings);

    /// <summary>A small account whose names and policy Sids are hostile markup, to prove everything renders encoded.</summary>
    public static IamAccountSnapshot Hostile(string hostile) => new()
    {
        AccountId = "123456789012",
        CollectedAt = Now,
        Users =
        [
            new IamUser
            {
                Arn = "arn:aws:iam::123456789012:user/mallory",
                UserName = hostile,
                InlinePolicies =
                [
                    new IamInlinePolicy(hostile, new IamPolicyJson(
                        $$"""{"Version":"2012-10-17","Statement":[{"Sid":"{{hostile.Replace("\"", "\\\"", StringComparison.Ordinal)}}","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""")),
                    new IamInlinePolicy("broken", new IamPolicyJson("{ this is not json " + hostile)),
                ],
            },
        ],
        Roles =
        [
            new IamRole
            {
                Arn = "arn:aws:iam::123456789012:role/evil",
                RoleName = hostile,
                TrustPolicy = new IamPolicyJson("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"sts:AssumeRole"}]}"""),
            },
        ],
    };
}
