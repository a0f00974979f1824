using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Trust;

/// <summary>
/// A role any AWS principal can assume: its trust policy is evaluated for a principal of an unrelated
/// account (so <c>"Principal": "*"</c>, <c>{"AWS": "*"}</c> and NotPrincipal tricks are all caught);
/// conditions that still restrict the caller make it conditional.
/// </summary>
public sealed class TrustAnyPrincipalRule : PrincipalRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_role_not_assumable_by_anyone",
        Title = "Role is not assumable by any principal",
        Severity = Severity.Critical,
        Category = RiskCategory.Trust,
        ResourceType = RiskResourceType.Role,
        Risk = "Anyone with an AWS account can assume the role and get its permissions.",
        Remediation = "Name the accounts or principals that may assume the role in its trust policy; if it must stay open, require aws:PrincipalOrgID or sts:ExternalId.",
        Reference = "cloudsplaining, AssumableByAnyPrincipal",
    };

    public override IEnumerable<RiskResult> Evaluate(PrincipalRiskContext principal)
    {
        if (principal.Identity.Role is not { IsServiceLinked: false } role || TrustEvaluation.TrustPolicyOf(role) is not { } trust)
        {
            yield break;
        }

        if (!trust.Parsed.IsSuccess)
        {
            yield return Result(principal, $"Role '{role.RoleName}' has a trust policy that cannot be read: {trust.Parsed.Error}", RiskStatus.Error, severity: Severity.Informational);
            yield break;
        }

        var result = TrustEvaluation.Assume(TrustEvaluation.Stranger(principal.Account), role, trust, principal.Account);
        switch (result.Kind)
        {
            case DecisionKind.Allowed:
                yield return Result(principal, $"Role '{role.RoleName}' can be assumed by any AWS principal, from any account.",
                    explanation: [EvidenceText.Of(result)]);
                break;
            case DecisionKind.ConditionallyAllowed:
                yield return Result(principal, $"Role '{role.RoleName}' can be assumed by any AWS principal that meets its conditions: {result.Summary}",
                    RiskStatus.Conditional, explanation: [EvidenceText.Of(result)], severity: Severity.Medium);
                break;
        }
    }
}
