using Dashboard.Core.Findings;

namespace Dashboard.Core.Iam.Risks;

/// <summary>
/// A risk rule: a small class with its metadata as data (Prowler's habit). Rules only read what the
/// snapshot holds and what the evaluator answers; they emit one result per resource at risk.
/// </summary>
public abstract class IamRiskRule
{
    public abstract RiskRuleMetadata Metadata { get; }

    /// <summary>A result carrying this rule's metadata; severity defaults to the rule's.</summary>
    protected RiskResult Result(
        AccountRiskContext account,
        string resourceArn,
        string resourceName,
        string message,
        RiskStatus status = RiskStatus.Fail,
        IReadOnlyList<string>? items = null,
        IReadOnlyList<string>? conditionalItems = null,
        IReadOnlyList<string>? explanation = null,
        Severity? severity = null,
        RiskResourceType? resourceType = null) => new()
        {
            RuleId = Metadata.Id,
            Title = Metadata.Title,
            Severity = severity ?? Metadata.Severity,
            Category = Metadata.Category,
            Status = status,
            AccountId = account.AccountId,
            ResourceType = resourceType ?? Metadata.ResourceType,
            ResourceArn = resourceArn,
            ResourceName = resourceName,
            Message = message,
            Remediation = Metadata.Remediation,
            Items = items ?? [],
            ConditionalItems = conditionalItems ?? [],
            Explanation = explanation ?? [],
        };
}

/// <summary>A rule over the account as a whole (root user, password policy, roles, policies).</summary>
public abstract class AccountRiskRule : IamRiskRule
{
    public abstract IEnumerable<RiskResult> Evaluate(AccountRiskContext account);
}

/// <summary>A rule run once per user and role, with the principal's shared evaluator.</summary>
public abstract class PrincipalRiskRule : IamRiskRule
{
    public abstract IEnumerable<RiskResult> Evaluate(PrincipalRiskContext principal);

    protected RiskResult Result(
        PrincipalRiskContext principal,
        string message,
        RiskStatus status = RiskStatus.Fail,
        IReadOnlyList<string>? items = null,
        IReadOnlyList<string>? conditionalItems = null,
        IReadOnlyList<string>? explanation = null,
        Severity? severity = null) =>
        Result(
            principal.Account,
            principal.Identity.Arn,
            principal.Identity.Name,
            message,
            status,
            items,
            conditionalItems,
            explanation,
            severity,
            principal.Identity.Role is not null ? RiskResourceType.Role : RiskResourceType.User);

    /// <summary>"user 'alice'" / "role 'app'".</summary>
    protected static string Describe(PrincipalRiskContext principal) =>
        principal.Identity.Role is not null ? $"Role '{principal.Identity.Name}'" : $"User '{principal.Identity.Name}'";
}
