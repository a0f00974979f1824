using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Iam.Risks.Rules.Account;

/// <summary>
/// A managed policy (its default version) or an inline policy that cannot be parsed. The evaluator never
/// reads such a policy as empty (it might deny), so every decision for the principals it applies to is at
/// most "allowed only if"; this rule puts the policy itself in the risk list with the parse error, so the
/// cause is visible and not only its effect. Unreadable trust policies are reported by the trust rules.
/// </summary>
public sealed class UnreadablePolicyRule : AccountRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_policy_documents_readable",
        Title = "Policy documents can be read",
        Severity = Severity.Medium,
        Category = RiskCategory.PolicyHygiene,
        ResourceType = RiskResourceType.ManagedPolicy,
        Risk = "What an unreadable policy allows or denies is unknown, so the analysis of every principal it applies to is uncertain.",
        Remediation = "Open the policy in the IAM console or with aws iam get-policy-version / get-user-policy, compare it with the error shown, and fix or replace the document.",
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        var snapshot = account.Snapshot;
        foreach (var policy in snapshot.ManagedPolicies)
        {
            if (policy.DefaultDocument?.Parse() is { IsSuccess: false } parsed)
            {
                var uses = policy.AttachmentCount + policy.PermissionsBoundaryUsageCount;
                yield return Result(account, policy.Arn, policy.PolicyName,
                    $"Managed policy '{policy.PolicyName}' cannot be read: {parsed.Error}. It is attached {RiskText.Plural(uses, "time", "times")}.",
                    items: [policy.PolicyName],
                    explanation: [$"Default version {policy.DefaultVersion?.VersionId}: {parsed.Error}"]);
            }
        }

        foreach (var user in snapshot.Users)
        {
            if (Inline(account, user.Arn, user.UserName, "user", user.InlinePolicies, RiskResourceType.User) is { } result)
            {
                yield return result;
            }
        }

        foreach (var group in snapshot.Groups)
        {
            if (Inline(account, group.Arn, group.GroupName, "group", group.InlinePolicies, RiskResourceType.Group) is { } result)
            {
                yield return result;
            }
        }

        foreach (var role in snapshot.Roles)
        {
            if (Inline(account, role.Arn, role.RoleName, "role", role.InlinePolicies, RiskResourceType.Role) is { } result)
            {
                yield return result;
            }
        }
    }

    private RiskResult? Inline(AccountRiskContext account, string arn, string name, string kind, IReadOnlyList<IamInlinePolicy> policies, RiskResourceType type)
    {
        var broken = policies.Select(p => (p.PolicyName, Parsed: p.Document.Parse())).Where(p => !p.Parsed.IsSuccess).ToList();
        if (broken.Count == 0)
        {
            return null;
        }

        var names = broken.Select(b => b.PolicyName).ToList();
        var whose = kind == "group" ? $"the members of group '{name}'" : $"{kind} '{name}'";
        return Result(account, arn, name,
            $"{char.ToUpperInvariant(kind[0])}{kind[1..]} '{name}' has {RiskText.Plural(broken.Count, "inline policy", "inline policies")} that cannot be read ({RiskText.List(names)}); what {whose} may do is uncertain.",
            items: names,
            explanation: [.. broken.Select(b => $"Inline policy '{b.PolicyName}': {b.Parsed.Error}")],
            resourceType: type);
    }
}
