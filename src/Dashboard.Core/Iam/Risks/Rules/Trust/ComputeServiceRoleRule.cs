using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Trust;

/// <summary>
/// A role EC2, Lambda, ECS tasks or EKS can assume (trust evaluated for the service principal) that is an
/// administrator or can escalate: code running on that compute — and whoever compromises it — gets that power.
/// </summary>
public sealed class ComputeServiceRoleRule : PrincipalRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_role_compute_service_not_privileged",
        Title = "Compute-service roles are not privileged",
        Severity = Severity.High,
        Category = RiskCategory.Trust,
        ResourceType = RiskResourceType.Role,
        Risk = "Instance, function and task credentials are reachable by anyone who runs code there (SSRF to the metadata service, a vulnerable dependency, ssm:SendCommand).",
        Remediation = "Give workload roles only what the workload needs; move administration to separate roles people assume with MFA.",
        Reference = "cloudsplaining, AssumableByComputeService",
    };

    public override IEnumerable<RiskResult> Evaluate(PrincipalRiskContext principal)
    {
        if (principal.Identity.Role is not { IsServiceLinked: false } role || TrustEvaluation.TrustPolicyOf(role) is not { } trust)
        {
            yield break;
        }

        var services = new List<string>();
        foreach (var service in SensitiveActions.ComputeServicePrincipals)
        {
            var result = TrustEvaluation.Assume(PrincipalContext.ForService(service), role, trust, principal.Account);
            if (result.Kind is DecisionKind.Allowed or DecisionKind.ConditionallyAllowed)
            {
                services.Add(service);
            }
        }

        if (services.Count == 0)
        {
            yield break;
        }

        var trusted = RiskText.List(services);
        if (principal.Admin.IsAdmin)
        {
            yield return Result(principal, $"Role '{role.RoleName}' can be assumed by {trusted} and is an administrator.",
                items: [.. services, "administrator"],
                explanation: [EvidenceText.Of(principal.Admin.Probes[0])]);
            yield break;
        }

        // An administrator by its own policies whom the SCPs limit: its escalation methods gain it nothing (every
        // role of the account sits under the same SCPs), so say what it is, as the administrator rule does. Stolen
        // workload credentials still carry everything the SCPs leave, so this stays a failure.
        if (principal.AdminWithoutScps.IsAdmin)
        {
            var denied = principal.Admin.DeniedProbes.Select(p => EvidenceText.Action(p.Action)).ToList();
            var limit = denied.Count > 0 ? $"the organization's SCPs deny {RiskText.List(denied, 3)}" : "with the organization's SCPs, only if conditions hold";
            yield return Result(principal,
                $"Role '{role.RoleName}' can be assumed by {trusted} and is an administrator by its own policies ({limit}).",
                items: [.. services, "administrator (limited by SCPs)"],
                explanation: [EvidenceText.Of(principal.AdminWithoutScps.Probes[0]), .. principal.Admin.DeniedProbes.Select(p => $"With SCPs, {EvidenceText.Action(p.Action)}: {p.Summary}")]);
            yield break;
        }

        var methods = principal.Escalations.Where(e => e.IsAllowed).Select(e => e.Method.Id).ToList();
        if (methods.Count > 0)
        {
            yield return Result(principal,
                $"Role '{role.RoleName}' can be assumed by {trusted} and can escalate its privileges ({RiskText.List(methods, 3)}).",
                items: [.. services, .. methods],
                explanation: RiskText.Capped(principal.Escalations.Where(e => e.IsAllowed).SelectMany(e => e.Describe().Select(l => $"{e.Method.Id}: {l}"))));
        }
    }
}
