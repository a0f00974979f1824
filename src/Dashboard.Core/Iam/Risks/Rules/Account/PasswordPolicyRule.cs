using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Iam.Risks.Rules.Account;

/// <summary>The account password policy is missing or weaker than the CIS AWS Foundations Benchmark.</summary>
public sealed class PasswordPolicyRule : AccountRiskRule
{
    public const int DefaultMinimumLength = 14;
    public const int DefaultReusePrevention = 24;
    public const int DefaultMaxAgeDays = 90;

    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_password_policy_cis",
        Title = "Password policy meets the CIS benchmark",
        Severity = Severity.Medium,
        Category = RiskCategory.PasswordPolicy,
        ResourceType = RiskResourceType.PasswordPolicy,
        Risk = "Short, reused or never-expiring passwords make IAM users' console access easy to guess or replay.",
        Remediation = "Set the account password policy (IAM, Account settings): minimum length 14, prevent reuse of the last 24 passwords; the older CIS items also ask for upper/lower case, numbers, symbols and expiry within 90 days.",
        Reference = "CIS AWS Foundations Benchmark v3.0.0 1.8-1.9; v1.2.0 1.5-1.11",
        Reads = [IamAccountData.PasswordPolicy],
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        // Prowler's habit: the password policy is a resource of its own; IAM gives it no ARN.
        var arn = $"arn:{account.Partition}:iam::{account.AccountId}:password-policy";
        switch (account.Snapshot.PasswordPolicyStatus)
        {
            case IamPasswordPolicyStatus.NotCollected:
                yield break;
            case IamPasswordPolicyStatus.NoCustomPolicy:
                yield return Result(account, arn, "password policy",
                    $"Account {account.AccountId} has no password policy: IAM's default allows 8-character passwords, reuse and no expiry.",
                    items: ["no password policy"],
                    explanation: ["GetAccountPasswordPolicy answered NoSuchEntity."]);
                yield break;
        }

        if (account.Snapshot.PasswordPolicy is not { } policy)
        {
            yield break;
        }

        var failed = Check(policy, account.Options).ToList();
        if (failed.Count > 0)
        {
            yield return Result(account, arn, "password policy",
                $"Account {account.AccountId}'s password policy falls short of {RiskText.Plural(failed.Count, "CIS item", "CIS items")}: {RiskText.List(failed, 3)}.",
                items: failed);
        }
    }

    /// <summary>Each failed item, naming the CIS benchmark item and what the policy has.</summary>
    public static IEnumerable<string> Check(IamPasswordPolicy policy, RiskAnalysisOptions options)
    {
        var length = AccountRiskContext.Threshold(options.MinimumPasswordLength, DefaultMinimumLength);
        var reuse = AccountRiskContext.Threshold(options.PasswordReusePrevention, DefaultReusePrevention);
        var maxAge = AccountRiskContext.Threshold(options.MaxPasswordAgeDays, DefaultMaxAgeDays);
        if ((policy.MinimumPasswordLength ?? 0) < length)
        {
            yield return $"CIS v3.0.0 1.8: minimum length {policy.MinimumPasswordLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not set"}, needs {length} or more";
        }

        if ((policy.PasswordReusePrevention ?? 0) < reuse)
        {
            yield return $"CIS v3.0.0 1.9: reuse prevention {policy.PasswordReusePrevention?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "off"}, needs {reuse}";
        }

        if (!policy.RequireUppercaseCharacters)
        {
            yield return "CIS v1.2.0 1.5: no upper-case letter required";
        }

        if (!policy.RequireLowercaseCharacters)
        {
            yield return "CIS v1.2.0 1.6: no lower-case letter required";
        }

        if (!policy.RequireSymbols)
        {
            yield return "CIS v1.2.0 1.7: no symbol required";
        }

        if (!policy.RequireNumbers)
        {
            yield return "CIS v1.2.0 1.8: no number required";
        }

        if (policy.MaxPasswordAge is not { } age || age > maxAge)
        {
            yield return $"CIS v1.2.0 1.11: passwords expire {(policy.MaxPasswordAge is { } a ? $"after {a} days" : "never")}, needs {maxAge} days or less";
        }
    }
}
