using Dashboard.Core.Findings;

namespace Dashboard.Core.Iam.Risks.Rules.Account;

/// <summary>A customer-managed policy is attached to nothing (nor used as a permissions boundary).</summary>
public sealed class UnusedCustomerPolicyRule : AccountRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_customer_policy_attached",
        Title = "Customer-managed policies are in use",
        Severity = Severity.Low,
        Category = RiskCategory.PolicyHygiene,
        ResourceType = RiskResourceType.ManagedPolicy,
        Risk = "Unused policies clutter reviews and can be attached later by anyone with iam:Attach*Policy, bringing back forgotten permissions.",
        Remediation = "Delete the policy (and its non-default versions) if nothing needs it.",
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        foreach (var policy in account.Snapshot.ManagedPolicies)
        {
            if (!policy.IsAwsManaged && policy.AttachmentCount == 0 && policy.PermissionsBoundaryUsageCount == 0)
            {
                yield return Result(account, policy.Arn, policy.PolicyName,
                    $"Customer-managed policy '{policy.PolicyName}' is attached to no user, group or role and bounds none.",
                    explanation: ["AttachmentCount and PermissionsBoundaryUsageCount are 0."]);
            }
        }
    }
}
