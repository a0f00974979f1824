using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Iam.Risks.Rules.Root;

/// <summary>The root user signed in or used an access key recently (credential report).</summary>
public sealed class RootRecentUseRule : AccountRiskRule
{
    /// <summary>A week: a daily sync still reports a use from any day of the past week.</summary>
    public const int DefaultDays = 7;

    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_root_not_used_recently",
        Title = "Root user not used for daily work",
        Severity = Severity.High,
        Category = RiskCategory.RootAccount,
        ResourceType = RiskResourceType.RootUser,
        Risk = "Using the root user for everyday tasks exposes the one identity that cannot be restricted by IAM policies.",
        Remediation = "Do daily work through IAM Identity Center or roles; keep root for the few tasks that require it and review why it was used.",
        Reference = "CIS AWS Foundations Benchmark v3.0.0, 1.7",
        Reads = [IamAccountData.CredentialReport],
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        if (account.Snapshot.CredentialReport?.Root is not { } root)
        {
            yield break;
        }

        var days = AccountRiskContext.Threshold(account.Options.RootRecentUseDays, DefaultDays);
        var uses = new List<(string How, DateTimeOffset When)>();
        if (root.PasswordLastUsed.Value is { } signIn)
        {
            uses.Add(("password (console sign-in)", signIn));
        }

        foreach (var key in root.AccessKeys)
        {
            if (key.LastUsedDate.Value is { } used)
            {
                uses.Add(($"access key {key.Number}", used));
            }
        }

        var recent = uses.Where(u => RiskText.DaysBetween(u.When, account.Now) < days).OrderByDescending(u => u.When).ToList();
        if (recent.Count > 0)
        {
            yield return Result(account, root.Arn, "root",
                $"The root user of account {account.AccountId} was used on {RiskText.Ago(recent[0].When, account.Now)} through its {recent[0].How}; threshold {days} days.",
                items: [.. recent.Select(u => u.How)],
                explanation: [.. recent.Select(u => $"Credential report: {u.How} last used {RiskText.Ago(u.When, account.Now)}.")]);
        }
    }
}
