using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Permissions;

/// <summary>
/// A user or role can do everything: decided by evaluation (see <see cref="AdminEquivalence"/>), so
/// AdministratorAccess through a group, NotAction statements and allow-all policies cancelled by denies all
/// come out right. With the organization's SCPs, an administrator the SCPs stop from (say) IAM changes is
/// reported as mitigated, naming what the SCPs deny.
/// </summary>
public sealed class AdminEquivalentRule : PrincipalRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_principal_not_admin_equivalent",
        Title = "Principal is not an administrator",
        Severity = Severity.High,
        Category = RiskCategory.AdminAccess,
        ResourceType = RiskResourceType.Principal,
        Risk = "An administrator's credentials or sessions give away the whole account; every extra one widens that exposure.",
        Remediation = "Keep administrators few, behind MFA and short-lived sessions (IAM Identity Center or roles); give everyone else a policy scoped to their job.",
        Reference = "CIS AWS Foundations Benchmark v3.0.0, 1.16 (no full *:* administrative privileges attached)",
    };

    public override IEnumerable<RiskResult> Evaluate(PrincipalRiskContext principal)
    {
        if (!principal.IsAnalysedForPermissions)
        {
            yield break;
        }

        var own = principal.AdminWithoutScps;
        if (!own.IsAdmin && !own.IsConditionalAdmin)
        {
            yield break;
        }

        var who = Describe(principal);
        var granted = Granting(own);
        var scoped = principal.Admin;
        if (principal.Account.ServiceControlPolicies is not null && !scoped.IsAdmin && !scoped.IsConditionalAdmin)
        {
            var blocked = scoped.DeniedProbes.Select(p => EvidenceText.Action(p.Action)).ToList();
            yield return Result(principal,
                $"{who} is an administrator by its own policies, but the organization's SCPs deny {RiskText.List(blocked)}.",
                RiskStatus.Mitigated,
                items: blocked,
                explanation: [.. granted, .. scoped.DeniedProbes.Select(p => $"With SCPs, {EvidenceText.Action(p.Action)}: {p.Summary}")],
                severity: Severity.Medium);
            yield break;
        }

        if (scoped.IsAdmin)
        {
            yield return Result(principal, $"{who} is an administrator: every action is allowed on every resource.", explanation: granted);
        }
        else
        {
            var conditions = scoped.Probes.Where(p => p.Kind == DecisionKind.ConditionallyAllowed).Select(p => $"{EvidenceText.Action(p.Action)}: {p.Summary}").Distinct().ToList();
            yield return Result(principal,
                $"{who} is an administrator if conditions hold: {conditions.FirstOrDefault()}",
                RiskStatus.Conditional,
                explanation: [.. granted, .. conditions]);
        }
    }

    /// <summary>The statements that grant "any action", then any other statement a probe needed.</summary>
    private static IReadOnlyList<string> Granting(AdminAssessment assessment)
    {
        var lines = new List<string> { EvidenceText.Of(assessment.Probes[0]) };
        var seen = new HashSet<StatementReference>(assessment.Probes[0].DecidingStatements);
        foreach (var probe in assessment.Probes.Skip(1))
        {
            if (probe.DecidingStatements.Any(s => !seen.Contains(s)))
            {
                lines.Add(EvidenceText.Of(probe));
                seen.UnionWith(probe.DecidingStatements);
            }
        }

        return lines;
    }
}
