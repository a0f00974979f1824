using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Iam.Risks.Rules.Users;

/// <summary>A user's console password has not been used for the threshold (or never, and it is older than that).</summary>
public sealed class PasswordUnusedRule : AccountRiskRule
{
    public const int DefaultDays = 90;

    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_user_console_password_used",
        Title = "No unused console passwords",
        Severity = Severity.Medium,
        Category = RiskCategory.Credentials,
        ResourceType = RiskResourceType.User,
        Risk = "An unused password is a credential nobody watches; it often belongs to someone who left.",
        Remediation = "Delete the user's login profile (console password), or the user if it is no longer needed.",
        Reference = "CIS AWS Foundations Benchmark v3.0.0, 1.12",
        Reads = [IamAccountData.CredentialReport],
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        var days = AccountRiskContext.Threshold(account.Options.PasswordUnusedDays, DefaultDays);
        foreach (var row in account.Snapshot.CredentialReport?.Rows ?? [])
        {
            if (row.IsRoot || !row.PasswordEnabled.IsTrue)
            {
                continue;
            }

            if (row.PasswordLastUsed.Value is { } used)
            {
                if (RiskText.DaysBetween(used, account.Now) > days)
                {
                    yield return Result(account, row.Arn, row.User,
                        $"User '{row.User}' has not used its console password since {RiskText.Ago(used, account.Now)}; threshold {days} days.",
                        explanation: [$"Credential report: password_last_used is {RiskText.Date(used)}."]);
                }

                continue;
            }

            // no_information / N/A: never used (since IAM started tracking); judge by when it was set.
            var since = row.PasswordLastChanged.Value ?? row.UserCreationTime.Value;
            if (since is { } set && RiskText.DaysBetween(set, account.Now) > days)
            {
                yield return Result(account, row.Arn, row.User,
                    $"User '{row.User}' has never used its console password, set {RiskText.Ago(set, account.Now)}; threshold {days} days.",
                    explanation: [$"Credential report: password_last_used is {row.PasswordLastUsed}."]);
            }
        }
    }
}
