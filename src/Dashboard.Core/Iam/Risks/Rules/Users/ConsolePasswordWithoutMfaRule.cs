using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Iam.Risks.Rules.Users;

/// <summary>A user can sign in to the console with a password but has no MFA device (credential report).</summary>
public sealed class ConsolePasswordWithoutMfaRule : AccountRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_user_mfa_enabled_console_access",
        Title = "Console users have MFA",
        Severity = Severity.High,
        Category = RiskCategory.Credentials,
        ResourceType = RiskResourceType.User,
        Risk = "A console password without MFA falls to phishing, reuse or guessing, and gives the user's full permissions.",
        Remediation = "Enable MFA for the user (or remove the console password if the user does not sign in); enforce MFA with an aws:MultiFactorAuthPresent condition.",
        Reference = "CIS AWS Foundations Benchmark v3.0.0, 1.10",
        Reads = [IamAccountData.CredentialReport],
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        foreach (var row in account.Snapshot.CredentialReport?.Rows ?? [])
        {
            if (!row.IsRoot && row.PasswordEnabled.IsTrue && !row.MfaActive)
            {
                yield return Result(account, row.Arn, row.User, $"User '{row.User}' has a console password and no MFA device.",
                    explanation: ["Credential report: password_enabled is true and mfa_active is false."]);
            }
        }
    }
}
