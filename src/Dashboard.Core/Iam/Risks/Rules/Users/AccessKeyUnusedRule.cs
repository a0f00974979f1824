using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Iam.Risks.Rules.Users;

/// <summary>An active access key has not been used for the threshold (or never, and is older than it).</summary>
public sealed class AccessKeyUnusedRule : AccountRiskRule
{
    public const int DefaultDays = 90;

    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_user_access_keys_used",
        Title = "No unused active access keys",
        Severity = Severity.Medium,
        Category = RiskCategory.Credentials,
        ResourceType = RiskResourceType.User,
        Risk = "A key nobody uses is still a working credential; if it leaks, its use stands out to nobody.",
        Remediation = "Deactivate the key, wait for complaints, then delete it.",
        Reference = "CIS AWS Foundations Benchmark v3.0.0, 1.12",
        Reads = [IamAccountData.CredentialReport],
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        var days = AccountRiskContext.Threshold(account.Options.AccessKeyUnusedDays, DefaultDays);
        foreach (var row in account.Snapshot.CredentialReport?.Rows ?? [])
        {
            if (row.IsRoot)
            {
                continue;
            }

            var lines = new List<string>();
            var keys = new List<string>();
            foreach (var key in row.AccessKeys.Where(k => k.Active))
            {
                if (key.LastUsedDate.Value is { } used)
                {
                    if (RiskText.DaysBetween(used, account.Now) > days)
                    {
                        keys.Add($"access key {key.Number}");
                        lines.Add($"Access key {key.Number} last used {RiskText.Ago(used, account.Now)}.");
                    }
                }
                else if (key.LastRotated.Value is { } created && RiskText.DaysBetween(created, account.Now) > days)
                {
                    // N/A in access_key_N_last_used_date: never used since it was created.
                    keys.Add($"access key {key.Number}");
                    lines.Add($"Access key {key.Number} was never used; created {RiskText.Ago(created, account.Now)}.");
                }
            }

            if (keys.Count > 0)
            {
                yield return Result(account, row.Arn, row.User,
                    $"User '{row.User}' has {RiskText.Plural(keys.Count, "active access key", "active access keys")} unused for more than {days} days.",
                    items: keys, explanation: lines);
            }
        }
    }
}
