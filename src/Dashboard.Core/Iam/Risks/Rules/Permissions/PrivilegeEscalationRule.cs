using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Permissions;

/// <summary>
/// A user or role (not already an administrator) can use a published privilege-escalation method; each
/// method's permissions are checked by evaluation and the result names the methods (<see cref="RiskResult.Items"/>).
/// Methods the principal's own policies allow but the organization's SCPs block are named too: as a
/// mitigated result when the SCPs block every one, as extra evidence when others stay open.
/// </summary>
public sealed class PrivilegeEscalationRule : PrincipalRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_principal_no_privilege_escalation",
        Title = "Principal cannot escalate its privileges",
        Severity = Severity.High,
        Category = RiskCategory.PrivilegeEscalation,
        ResourceType = RiskResourceType.Principal,
        Risk = "A principal that can change IAM, pass roles to code it controls or take over resources running with roles can make itself an administrator.",
        Remediation = "Remove the permissions the listed methods need, or restrict them to specific resources (roles that may be passed, policies that may be changed) with conditions such as iam:PassedToService; a permissions boundary caps what a principal can grant itself.",
        Reference = "Rhino Security Labs, AWS privilege escalation methods; pathfinding.cloud; cloudsplaining",
    };

    public override IEnumerable<RiskResult> Evaluate(PrincipalRiskContext principal)
    {
        // An administrator by its own policies gains nothing by escalating: every role of the account sits under
        // the same SCPs. The administrator rule reports it (as mitigated when the SCPs take IAM changes away).
        if (!principal.IsAnalysedForPermissions || principal.AdminWithoutScps.IsAdmin)
        {
            yield break;
        }

        var blocked = principal.BlockedEscalations;
        if (principal.Escalations.Count == 0)
        {
            if (blocked.Count > 0)
            {
                yield return Mitigated(principal, blocked);
            }

            yield break;
        }

        var definite = principal.Escalations.Where(f => f.IsAllowed).Select(f => f.Method.Id).ToList();
        var conditional = principal.Escalations.Where(f => !f.IsAllowed).Select(f => f.Method.Id).ToList();
        var who = Describe(principal);
        var message = definite.Count > 0
            ? $"{who} can escalate its privileges by {RiskText.Plural(definite.Count, "method", "methods")}: {RiskText.List(definite, 5)}."
            : $"{who} can escalate its privileges if conditions hold, by {RiskText.Plural(conditional.Count, "method", "methods")}: {RiskText.List(conditional, 5)}.";
        if (blocked.Count > 0)
        {
            message += $" The organization's SCPs block {RiskText.Plural(blocked.Count, "more method", "more methods")} ({RiskText.List([.. blocked.Select(b => b.Method.Id)], 3)}).";
        }

        yield return Result(principal, message,
            definite.Count > 0 ? RiskStatus.Fail : RiskStatus.Conditional,
            items: definite,
            conditionalItems: conditional,
            explanation: RiskText.Capped(principal.Escalations.SelectMany(f => Lines(principal, f)).Concat(blocked.SelectMany(BlockedLines))));
    }

    /// <summary>Every method the principal's own policies allow is blocked by SCPs: reported as the administrator rule reports a blocked administrator.</summary>
    private RiskResult Mitigated(PrincipalRiskContext principal, IReadOnlyList<BlockedEscalation> blocked)
    {
        var by = blocked.SelectMany(b => b.BlockedBy).Distinct(StringComparer.Ordinal).ToList();
        var methods = blocked.Select(b => b.Method.Id).ToList();
        var them = methods.Count == 1 ? "it" : "them";
        return Result(principal,
            $"{Describe(principal)} could escalate its privileges by its own policies ({RiskText.Plural(methods.Count, "method", "methods")}: {RiskText.List(methods, 5)}), "
            + $"but the organization's SCPs block {them}: {RiskText.List(by, 3)}.",
            RiskStatus.Mitigated,
            items: methods,
            explanation: RiskText.Capped(blocked.SelectMany(BlockedLines)),
            severity: Severity.Medium);
    }

    private static IEnumerable<string> BlockedLines(BlockedEscalation blocked)
    {
        var method = blocked.Method;
        yield return $"{method.Id} ({method.RequiredActions}; {method.Source}; {method.Reference}) — blocked by {string.Join("; ", blocked.BlockedBy)}:";
        foreach (var block in blocked.Blocks)
        {
            yield return "  With SCPs, " + block.Describe();
        }
    }

    private static IEnumerable<string> Lines(PrincipalRiskContext principal, EscalationFinding finding)
    {
        var method = finding.Method;
        if (method.Kind == EscalationMethodKind.RoleChain)
        {
            var path = string.Join(" → ", new[] { principal.Identity.Name }.Concat(finding.Evidence.Select(e => RoleName(e.Resource))));
            yield return $"{method.Id}: {path} (an administrator role); {method.Reference}";
        }
        else
        {
            yield return $"{method.Id} ({method.RequiredActions}; {method.Source}; {method.Reference}){(finding.IsAllowed ? string.Empty : " — only if conditions hold")}:";
        }

        foreach (var line in finding.Describe())
        {
            yield return "  " + line;
        }
    }

    private static string RoleName(string roleArn) => roleArn[(roleArn.LastIndexOf('/') + 1)..];
}
