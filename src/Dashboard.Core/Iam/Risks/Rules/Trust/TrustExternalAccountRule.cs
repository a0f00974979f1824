using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Trust;

/// <summary>
/// A role principals of another account can assume, when that account is not one of the organization's
/// (<see cref="RiskAnalysisOptions.TrustedAccountIds"/>). Each named principal is evaluated against the
/// trust policy, so conditions such as sts:ExternalId show up as "only if".
/// </summary>
public sealed class TrustExternalAccountRule : PrincipalRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_role_not_assumable_from_external_accounts",
        Title = "Role is not assumable from outside the organization",
        Severity = Severity.Medium,
        Category = RiskCategory.Trust,
        ResourceType = RiskResourceType.Role,
        Risk = "Principals of accounts you do not control can assume the role; their security is now yours.",
        Remediation = "Remove accounts that no longer need access; for third parties require sts:ExternalId; add trusted accounts to the organization list.",
        Reference = "cloudsplaining, AssumableByCrossAccountPrincipal",
    };

    public override IEnumerable<RiskResult> Evaluate(PrincipalRiskContext principal)
    {
        if (principal.Identity.Role is not { IsServiceLinked: false } role || TrustEvaluation.TrustPolicyOf(role) is not { } trust)
        {
            yield break;
        }

        var account = principal.Account;
        var allowed = new List<string>();
        var conditional = new List<string>();
        var lines = new List<string>();
        var named = TrustEvaluation.AllowStatements(trust).SelectMany(s => s.Principals!.Aws).Distinct(StringComparer.Ordinal);
        foreach (var arn in named)
        {
            if (TrustEvaluation.AccountOf(arn) is not { } other || other == account.AccountId || account.IsTrustedAccount(other)
                || !PrincipalContext.TryFromArn(arn, out var caller, out _))
            {
                continue;
            }

            // Naming an account trusts its principals; its root user itself can never assume roles.
            if (caller!.Kind == PrincipalKind.Root)
            {
                caller = PrincipalContext.ForUser($"arn:{caller.Partition}:iam::{other}:user/any-principal");
            }

            var result = TrustEvaluation.Assume(caller, role, trust, account);
            if (result.Kind == DecisionKind.Allowed)
            {
                allowed.Add(arn);
            }
            else if (result.Kind == DecisionKind.ConditionallyAllowed)
            {
                conditional.Add(arn);
            }
            else
            {
                continue;
            }

            lines.Add($"{arn}: {result.Summary}");
        }

        if (allowed.Count + conditional.Count == 0)
        {
            yield break;
        }

        var outside = account.Options.TrustedAccountIds.Count > 0 ? "outside the organization" : "of other accounts";
        var accounts = allowed.Concat(conditional).Select(a => TrustEvaluation.AccountOf(a)!).Distinct().ToList();
        yield return Result(principal,
            $"Role '{role.RoleName}' can be assumed by principals {outside}: {RiskText.Plural(accounts.Count, "account", "accounts")} ({RiskText.List(accounts)}){(allowed.Count == 0 ? ", if conditions hold" : string.Empty)}.",
            allowed.Count > 0 ? RiskStatus.Fail : RiskStatus.Conditional,
            items: allowed,
            conditionalItems: conditional,
            explanation: lines);
    }
}
