using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Iam.Risks.Rules.Root;

/// <summary>The root user has no MFA device (credential report mfa_active, else GetAccountSummary AccountMFAEnabled).</summary>
public sealed class RootMfaRule : AccountRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_root_mfa_enabled",
        Title = "Root user has MFA",
        Severity = Severity.Critical,
        Category = RiskCategory.RootAccount,
        ResourceType = RiskResourceType.RootUser,
        Risk = "The root user can do anything in the account, including closing it; a stolen root password alone is enough without MFA.",
        Remediation = "Sign in as root and enable a hardware or virtual MFA device (IAM console, Security credentials); prefer a hardware key.",
        Reference = "CIS AWS Foundations Benchmark v3.0.0, 1.5 and 1.6",
        Reads = [IamAccountData.CredentialReport, IamAccountData.AccountSummary],
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        if (account.Snapshot.CredentialReport?.Root is { } root)
        {
            if (!root.MfaActive)
            {
                yield return Result(account, root.Arn, "root", $"The root user of account {account.AccountId} has no MFA device.",
                    explanation: ["Credential report: mfa_active is false for <root_account>."]);
            }

            yield break;
        }

        if (account.Snapshot.AccountSummary.TryGetValue("AccountMFAEnabled", out var enabled) && enabled == 0)
        {
            yield return Result(account, account.RootArn, "root", $"The root user of account {account.AccountId} has no MFA device.",
                explanation: ["GetAccountSummary: AccountMFAEnabled is 0."]);
        }
    }
}
