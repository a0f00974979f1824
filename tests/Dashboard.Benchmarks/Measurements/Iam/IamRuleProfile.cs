using System.Diagnostics;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Risks;

namespace Dashboard.Benchmarks.Measurements.Iam;

/// <summary>
/// Where the analysis time goes: each rule run alone over one freshly built account. A rule alone pays
/// the shared work (parsing, building identities) again, so the column sums to more than the full run;
/// the "no rules" line is that shared floor.
/// </summary>
internal static class IamRuleProfile
{
    public sealed record RuleTime(string RuleId, TimeSpan Elapsed);

    public static (TimeSpan Floor, IReadOnlyList<RuleTime> Rules) Run(SyntheticIamOrganization org, int accountIndex, IReadOnlyList<OrganizationPolicyLevel>? scps)
    {
        var options = org.RiskOptions();
        var all = new IamRiskAnalyzer(TimeProvider.System).Rules;
        var floor = Time(new IamRiskAnalyzer(TimeProvider.System, [new NoOpRule()]), org, accountIndex, options, scps);
        var times = all.Select(rule => new RuleTime(rule.Metadata.Id, Time(new IamRiskAnalyzer(TimeProvider.System, [rule]), org, accountIndex, options, scps) - floor))
            .OrderByDescending(t => t.Elapsed).ToList();
        return (floor, times);
    }

    private static TimeSpan Time(IamRiskAnalyzer analyzer, SyntheticIamOrganization org, int accountIndex, RiskAnalysisOptions options, IReadOnlyList<OrganizationPolicyLevel>? scps)
    {
        var snapshot = org.BuildAccount(accountIndex);
        var start = Stopwatch.GetTimestamp();
        _ = analyzer.Analyze(snapshot, options, scps);
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>A principal rule that finds nothing: the analyzer still builds every principal's identity.</summary>
    private sealed class NoOpRule : PrincipalRiskRule
    {
        public override RiskRuleMetadata Metadata { get; } = new()
        {
            Id = "benchmark_noop",
            Title = "No-op",
            Severity = Dashboard.Core.Findings.Severity.Informational,
            Category = RiskCategory.PolicyHygiene,
            ResourceType = RiskResourceType.Principal,
            Risk = "None.",
            Remediation = "None.",
        };

        public override IEnumerable<RiskResult> Evaluate(PrincipalRiskContext principal) => [];
    }
}
