using Dashboard.Core.Findings;

namespace Dashboard.Core.Iam.Risks.Rules.Users;

/// <summary>A user has inline policies.</summary>
public sealed class UserInlinePoliciesRule : AccountRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_user_no_inline_policies",
        Title = "Users have no inline policies",
        Severity = Severity.Low,
        Category = RiskCategory.PolicyHygiene,
        ResourceType = RiskResourceType.User,
        Risk = "Inline policies are invisible in the policy list, cannot be reused or versioned, and are easily forgotten when people change roles.",
        Remediation = "Move the permissions to a managed policy attached to a group the user belongs to, then delete the inline policy.",
        Reference = "CIS AWS Foundations Benchmark v3.0.0, 1.15",
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        foreach (var user in account.Snapshot.Users)
        {
            if (user.InlinePolicies.Count > 0)
            {
                var names = user.InlinePolicies.Select(p => p.PolicyName).ToList();
                yield return Result(account, user.Arn, user.UserName,
                    $"User '{user.UserName}' has {RiskText.Plural(names.Count, "inline policy", "inline policies")}: {RiskText.List(names)}.",
                    items: names);
            }
        }
    }
}
