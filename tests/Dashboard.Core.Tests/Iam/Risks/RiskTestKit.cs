using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Tests.Iam.Access;

namespace Dashboard.Core.Tests.Iam.Risks;

/// <summary>Runs rules against built snapshots, and writes credential-report rows.</summary>
internal static class RiskTestKit
{
    public static IReadOnlyList<RiskResult> Run(IamRiskRule rule, IamAccountSnapshot snapshot, RiskAnalysisOptions? options = null, IReadOnlyList<Dashboard.Core.Iam.Evaluation.OrganizationPolicyLevel>? scps = null) =>
        new IamRiskAnalyzer(RiskClock.Instance, [rule]).Analyze(snapshot, options, scps);

    public static RiskResult? For(IEnumerable<RiskResult> results, string resourceName) =>
        results.SingleOrDefault(r => r.ResourceName == resourceName);

    /// <summary>The 20 credential-report values after user and arn; dates as days ago, null meaning N/A.</summary>
    public static string Row(
        int created = 400,
        bool password = false,
        int? passwordUsed = null,
        int? passwordChanged = null,
        bool mfa = false,
        bool key1 = false,
        int? key1Rotated = null,
        int? key1Used = null,
        bool key2 = false,
        int? key2Rotated = null,
        int? key2Used = null)
    {
        static string Date(int? days) => days is { } d ? RiskClock.DaysAgo(d) : "N/A";
        static string Flag(bool value) => value ? "true" : "false";
        return string.Join(',',
            RiskClock.DaysAgo(created),
            Flag(password),
            password ? (passwordUsed is { } used ? RiskClock.DaysAgo(used) : "no_information") : "N/A",
            password ? Date(passwordChanged ?? created) : "N/A",
            "N/A",
            Flag(mfa),
            Flag(key1), Date(key1Rotated), Date(key1Used), key1Used is null ? "N/A" : "us-east-1", key1Used is null ? "N/A" : "s3",
            Flag(key2), Date(key2Rotated), Date(key2Used), key2Used is null ? "N/A" : "us-east-1", key2Used is null ? "N/A" : "s3",
            "false", "N/A", "false", "N/A");
    }

    /// <summary>The root user's row (password columns are not_supported for root).</summary>
    public static string RootRow(bool mfa, bool key1 = false, int? passwordUsed = null, int? key1Used = null) =>
        string.Join(',',
            RiskClock.DaysAgo(2000), "not_supported", passwordUsed is { } p ? RiskClock.DaysAgo(p) : "no_information", "not_supported", "not_supported",
            mfa ? "true" : "false",
            key1 ? "true" : "false", key1 ? RiskClock.DaysAgo(900) : "N/A", key1Used is { } k ? RiskClock.DaysAgo(k) : "N/A", key1Used is null ? "N/A" : "us-east-1", key1Used is null ? "N/A" : "ec2",
            "false", "N/A", "N/A", "N/A", "N/A",
            "false", "N/A", "false", "N/A");
}
