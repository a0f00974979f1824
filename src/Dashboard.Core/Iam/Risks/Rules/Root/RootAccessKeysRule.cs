using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Iam.Risks.Rules.Root;

/// <summary>The root user has active access keys (credential report, else GetAccountSummary AccountAccessKeysPresent).</summary>
public sealed class RootAccessKeysRule : AccountRiskRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_root_no_access_keys",
        Title = "Root user has no access keys",
        Severity = Severity.Critical,
        Category = RiskCategory.RootAccount,
        ResourceType = RiskResourceType.RootUser,
        Risk = "Root access keys give unrestricted, long-lived programmatic access that no policy can limit (SCPs aside).",
        Remediation = "Sign in as root, delete its access keys (Security credentials), and use IAM roles for automation.",
        Reference = "CIS AWS Foundations Benchmark v3.0.0, 1.4",
        Reads = [IamAccountData.CredentialReport, IamAccountData.AccountSummary],
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        if (account.Snapshot.CredentialReport?.Root is { } root)
        {
            var active = root.AccessKeys.Where(k => k.Active).Select(k => $"access key {k.Number}").ToList();
            if (active.Count > 0)
            {
                yield return Result(account, root.Arn, "root",
                    $"The root user of account {account.AccountId} has {RiskText.Plural(active.Count, "active access key", "active access keys")}.",
                    items: active,
                    explanation: [.. active.Select(k => $"Credential report: {k.Replace("access key ", "access_key_", StringComparison.Ordinal)}_active is true for <root_account>.")]);
            }

            yield break;
        }

        if (account.Snapshot.AccountSummary.TryGetValue("AccountAccessKeysPresent", out var present) && present > 0)
        {
            yield return Result(account, account.RootArn, "root", $"The root user of account {account.AccountId} has access keys.",
                explanation: [$"GetAccountSummary: AccountAccessKeysPresent is {present}."]);
        }
    }
}
