using Dashboard.Core.Findings;

namespace Dashboard.Core.Iam.Risks.Rules.Users;

/// <summary>A user has managed policies attached directly instead of through groups.</summary>
public sealed class UserDirectAttachmentsRule : AccountRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_user_policies_attached_through_groups",
        Title = "Users receive permissions through groups",
        Severity = Severity.Low,
        Category = RiskCategory.PolicyHygiene,
        ResourceType = RiskResourceType.User,
        Risk = "Permissions attached user by user drift apart and outlive the job that needed them; groups keep them reviewable.",
        Remediation = "Attach the policies to a group that matches the user's job, add the user to it, and detach them from the user.",
        Reference = "CIS AWS Foundations Benchmark v3.0.0, 1.15",
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        foreach (var user in account.Snapshot.Users)
        {
            if (user.AttachedPolicies.Count > 0)
            {
                var arns = user.AttachedPolicies.Select(p => p.PolicyArn).ToList();
                yield return Result(account, user.Arn, user.UserName,
                    $"User '{user.UserName}' has {RiskText.Plural(arns.Count, "managed policy", "managed policies")} attached directly: {RiskText.List(user.AttachedPolicies.Select(p => p.PolicyName).ToList())}.",
                    items: arns);
            }
        }
    }
}
