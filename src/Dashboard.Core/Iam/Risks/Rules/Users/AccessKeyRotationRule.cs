using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Iam.Risks.Rules.Users;

/// <summary>An active access key was last rotated (created) longer ago than the threshold.</summary>
public sealed class AccessKeyRotationRule : AccountRiskRule
{
    public const int DefaultDays = 90;

    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_user_access_keys_rotated",
        Title = "Access keys rotated within 90 days",
        Severity = Severity.Medium,
        Category = RiskCategory.Credentials,
        ResourceType = RiskResourceType.User,
        Risk = "Old keys have had more time to leak (code, logs, laptops) and keep working until someone deletes them.",
        Remediation = "Create a new key, move its users to it, deactivate and then delete the old one; better, replace long-lived keys with roles.",
        Reference = "CIS AWS Foundations Benchmark v3.0.0, 1.14",
        Reads = [IamAccountData.CredentialReport],
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        var days = AccountRiskContext.Threshold(account.Options.AccessKeyMaxAgeDays, DefaultDays);
        foreach (var row in account.Snapshot.CredentialReport?.Rows ?? [])
        {
            if (row.IsRoot)
            {
                continue;
            }

            var old = row.AccessKeys
                .Where(k => k.Active && k.LastRotated.Value is { } rotated && RiskText.DaysBetween(rotated, account.Now) > days)
                .ToList();
            if (old.Count > 0)
            {
                yield return Result(account, row.Arn, row.User,
                    $"User '{row.User}' has {RiskText.Plural(old.Count, "active access key", "active access keys")} older than {days} days.",
                    items: [.. old.Select(k => $"access key {k.Number}")],
                    explanation: [.. old.Select(k => $"Access key {k.Number} last rotated {RiskText.Ago(k.LastRotated.Value!.Value, account.Now)}.")]);
            }
        }
    }
}
