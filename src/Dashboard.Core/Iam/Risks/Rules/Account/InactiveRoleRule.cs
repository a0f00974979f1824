using Dashboard.Core.Findings;

namespace Dashboard.Core.Iam.Risks.Rules.Account;

/// <summary>A role has not been used for the threshold (or never, and is older than that).</summary>
public sealed class InactiveRoleRule : AccountRiskRule
{
    public const int DefaultDays = 90;

    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_role_used_recently",
        Title = "Roles are in use",
        Severity = Severity.Low,
        Category = RiskCategory.Inactive,
        ResourceType = RiskResourceType.Role,
        Risk = "Unused roles keep their permissions and trust relationships; whoever can assume them keeps that path open for nothing.",
        Remediation = "Confirm nobody needs the role (RoleLastUsed, CloudTrail), then delete it.",
    };

    public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account)
    {
        var days = AccountRiskContext.Threshold(account.Options.RoleInactiveDays, DefaultDays);
        foreach (var role in account.Snapshot.Roles)
        {
            // Service-linked roles belong to their service; a dump without RoleLastUsed says nothing.
            if (role.IsServiceLinked || role.LastUsed is not { } lastUsed)
            {
                continue;
            }

            if (lastUsed.LastUsedDate is { } used)
            {
                if (RiskText.DaysBetween(used, account.Now) > days)
                {
                    yield return Result(account, role.Arn, role.RoleName,
                        $"Role '{role.RoleName}' was last used on {RiskText.Ago(used, account.Now)}; threshold {days} days.",
                        explanation: [$"RoleLastUsed: {RiskText.Date(used)}{(lastUsed.Region is { } region ? $" in {region}" : string.Empty)}."]);
                }
            }
            else if (role.CreateDate is { } created && RiskText.DaysBetween(created, account.Now) > days)
            {
                // IAM tracks roughly the last 400 days; no date means no use in that window.
                yield return Result(account, role.Arn, role.RoleName,
                    $"Role '{role.RoleName}' has no recorded use and was created {RiskText.Ago(created, account.Now)}; threshold {days} days.",
                    explanation: ["RoleLastUsed has no LastUsedDate (IAM tracks about the last 400 days)."]);
            }
        }
    }
}
