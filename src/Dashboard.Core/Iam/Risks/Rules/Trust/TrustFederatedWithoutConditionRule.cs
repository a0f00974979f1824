using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Trust;

/// <summary>
/// A role a federated identity provider's users can assume without conditions: evaluated as the provider
/// calling AssumeRoleWithSAML / AssumeRoleWithWebIdentity, an unconditional "allowed" means every identity
/// of that provider qualifies. For OIDC providers (GitHub Actions and the like) a condition that does not
/// pin the token's subject (<c>:sub</c>) still lets every repository or workload of the provider in.
/// </summary>
public sealed class TrustFederatedWithoutConditionRule : PrincipalRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_role_federated_trust_conditioned",
        Title = "Federated trust is restricted by conditions",
        Severity = Severity.High,
        Category = RiskCategory.Trust,
        ResourceType = RiskResourceType.Role,
        Risk = "Without conditions on the token (audience, subject), any identity the provider issues — for OIDC, any customer of it — can assume the role.",
        Remediation = "Add conditions on the provider's keys: SAML:aud for SAML; <provider>:aud and <provider>:sub (e.g. token.actions.githubusercontent.com:sub = repo:org/repo:ref:refs/heads/main) for OIDC; cognito-identity.amazonaws.com:aud for Cognito.",
        Reference = "AWS IAM User Guide, Creating a role for web identity or OIDC federation",
    };

    public override IEnumerable<RiskResult> Evaluate(PrincipalRiskContext principal)
    {
        if (principal.Identity.Role is not { IsServiceLinked: false } role || TrustEvaluation.TrustPolicyOf(role) is not { } trust)
        {
            yield break;
        }

        var unconditioned = new List<string>();
        var unpinned = new List<string>();
        var lines = new List<string>();
        foreach (var provider in TrustEvaluation.AllowStatements(trust).SelectMany(s => s.Principals!.Federated).Distinct(StringComparer.Ordinal))
        {
            var saml = provider.Contains(":saml-provider/", StringComparison.Ordinal);
            var result = TrustEvaluation.Assume(TrustEvaluation.Federated(provider), role, trust, principal.Account,
                saml ? "sts:AssumeRoleWithSAML" : "sts:AssumeRoleWithWebIdentity");
            if (result.Kind == DecisionKind.Allowed)
            {
                unconditioned.Add(provider);
                lines.Add($"{provider}: {result.Summary} No condition restricts which of its identities.");
            }
            else if (result.Kind == DecisionKind.ConditionallyAllowed && !saml && MissingPin(provider, result) is { } missing)
            {
                unpinned.Add(provider);
                lines.Add($"{provider}: {result.Summary} No condition on {missing}.");
            }
        }

        if (unconditioned.Count > 0)
        {
            yield return Result(principal,
                $"Role '{role.RoleName}' can be assumed by any identity of {RiskText.List(unconditioned)}: its trust policy has no conditions.",
                items: [.. unconditioned, .. unpinned], explanation: lines);
        }
        else if (unpinned.Count > 0)
        {
            yield return Result(principal,
                $"Role '{role.RoleName}' trusts {RiskText.List(unpinned)} without pinning which identities: any token the provider issues for this audience qualifies.",
                items: unpinned, explanation: lines, severity: Severity.Medium);
        }
    }

    /// <summary>The key an OIDC trust should pin and does not: ":sub" (Cognito: its ":aud"); null when pinned.</summary>
    private static string? MissingPin(string provider, EvaluationResult result)
    {
        var keys = result.AllowedOnlyIf.SelectMany(r => r.Alternatives).SelectMany(a => a.Clauses).Select(c => c.Key).ToList();
        if (provider.Equals("cognito-identity.amazonaws.com", StringComparison.OrdinalIgnoreCase))
        {
            return keys.Any(k => k.Equals("cognito-identity.amazonaws.com:aud", StringComparison.OrdinalIgnoreCase)) ? null : "cognito-identity.amazonaws.com:aud";
        }

        return keys.Any(k => k.EndsWith(":sub", StringComparison.OrdinalIgnoreCase)) ? null : "the token's subject (:sub)";
    }
}
