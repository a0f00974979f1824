using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Permissions;

/// <summary>
/// A user or role (not already an administrator) can use a published privilege-escalation method; each
/// method's permissions are checked by evaluation and the result names the methods (<see cref="RiskResult.Items"/>).
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
        if (!principal.IsAnalysedForPermissions || principal.Escalations.Count == 0)
        {
            yield break;
        }

        var definite = principal.Escalations.Where(f => f.IsAllowed).Select(f => f.Method.Id).ToList();
        var conditional = principal.Escalations.Where(f => !f.IsAllowed).Select(f => f.Method.Id).ToList();
        var who = Describe(principal);
        var message = definite.Count > 0
            ? $"{who} can escalate its privileges by {RiskText.Plural(definite.Count, "method", "methods")}: {RiskText.List(definite, 5)}."
            : $"{who} can escalate its privileges if conditions hold, by {RiskText.Plural(conditional.Count, "method", "methods")}: {RiskText.List(conditional, 5)}.";
        yield return Result(principal, message,
            definite.Count > 0 ? RiskStatus.Fail : RiskStatus.Conditional,
            items: definite,
            conditionalItems: conditional,
            explanation: RiskText.Capped(principal.Escalations.SelectMany(f => Lines(principal, f))));
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
