using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Iam.Risks.Rules.Users;

/// <summary>A user has two active access keys.</summary>
public sealed class SingleActiveAccessKeyRule : AccountRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_user_one_active_access_key",
        Title = "At most one active access key per user",
        Severity = Severity.Medium,
        Category = RiskCategory.Credentials,
        ResourceType = RiskResourceType.User,
        Risk = "Two active keys usually mean a rotation that was never finished: the old key still works.",
        Remediation = "Find which key is still in use (access_key_N_last_used_date), deactivate the other, then delete it.",
        Reference = "CIS AWS Foundations Benchmark v3.0.0, 1.13",
        Reads = [IamAccountData.CredentialReport],
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        foreach (var row in account.Snapshot.CredentialReport?.Rows ?? [])
        {
            if (!row.IsRoot && row.ActiveAccessKeyCount > 1)
            {
                yield return Result(account, row.Arn, row.User, $"User '{row.User}' has two active access keys.",
                    items: ["access key 1", "access key 2"],
                    explanation: ["Credential report: access_key_1_active and access_key_2_active are both true."]);
            }
        }
    }
}
