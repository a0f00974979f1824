using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks;

namespace Dashboard.Data.Iam;

/// <summary>One account's cached IAM inventory, as the IAM overview lists it.</summary>
public sealed record IamAccountRow(
    string AccountId,
    DateTimeOffset CollectedAt,
    long? SyncRunId,
    string Source,
    int Users,
    int Roles,
    int Groups,
    int ManagedPolicies,
    int FailedRisks,
    IReadOnlyList<string> Warnings);

public enum IamPrincipalKind
{
    User,
    Role,
    Group,
    ManagedPolicy,
}

/// <summary>A user, role, group or managed policy as the IAM lists show it.</summary>
public sealed record IamPrincipalRow(
    string AccountId,
    string Arn,
    IamPrincipalKind Kind,
    string Name,
    string Path,
    DateTimeOffset? CreateDate,
    /// <summary>Role last used, user password/key last used, or null when unknown/never.</summary>
    DateTimeOffset? LastUsed,
    int RiskCount,
    Severity? HighestRiskSeverity);

public sealed record IamPrincipalFilter
{
    public IReadOnlyList<string> AccountIds { get; init; } = [];
    public IReadOnlyList<IamPrincipalKind> Kinds { get; init; } = [];
    /// <summary>Case-insensitive substring of name or ARN.</summary>
    public string? Text { get; init; }
    public bool OnlyWithRisks { get; init; }

    /// <summary>Null: by name (then account, ARN).</summary>
    public IamSort<IamPrincipalSortField>? Sort { get; init; }
}

/// <summary>What the principals list can be ordered by. The query maps each value to a column; no text reaches SQL.</summary>
public enum IamPrincipalSortField
{
    Name,
    Account,
    Kind,
    Created,
    LastUsed,
    RiskCount,

    /// <summary>The highest severity of the principal's risks (then how many).</summary>
    Severity,
}

/// <summary>What the risks list can be ordered by (mapped to columns by the query, like <see cref="IamPrincipalSortField"/>).</summary>
public enum IamRiskSortField
{
    Severity,

    /// <summary>The rule's title.</summary>
    Check,
    Resource,
    Account,
}

/// <summary>A list's order: one field, ascending or descending; ties fall back to the list's default order.</summary>
public sealed record IamSort<TField>(TField Field, bool Descending) where TField : struct, Enum;

public sealed record IamPrincipalPage(IReadOnlyList<IamPrincipalRow> Rows, int TotalCount);

/// <summary>A cached risk result (see <see cref="RiskResult"/>), with the id the cache gave it.</summary>
public sealed record IamRiskRow(
    long Id,
    string AccountId,
    string RuleId,
    string Title,
    Severity Severity,
    RiskCategory Category,
    RiskStatus Status,
    string ResourceArn,
    string ResourceName,
    RiskResourceType ResourceType,
    string Message,
    string Remediation,
    IReadOnlyList<string> Items,
    string? Explanation,
    /// <summary>Why the rule matters (its metadata's Risk); null for a rule this version no longer has.</summary>
    string? WhyItMatters = null,
    /// <summary>Where the rule comes from (a CIS item, a paper, a tool's definition), when it says.</summary>
    string? Reference = null);

public sealed record IamRiskFilter
{
    /// <summary>
    /// What needs someone's attention, the default when <see cref="Statuses"/> is empty: failed, conditional,
    /// and checks that could not be evaluated (e.g. the credential report was denied), so a gap in the data
    /// never reads as "no risk".
    /// </summary>
    public static readonly IReadOnlyList<RiskStatus> AttentionStatuses = [RiskStatus.Fail, RiskStatus.Conditional, RiskStatus.Error];

    public IReadOnlyList<string> AccountIds { get; init; } = [];
    public IReadOnlyList<string> RuleIds { get; init; } = [];
    public IReadOnlyList<Severity> Severities { get; init; } = [];
    public IReadOnlyList<RiskCategory> Categories { get; init; } = [];
    /// <summary>Empty means <see cref="AttentionStatuses"/>.</summary>
    public IReadOnlyList<RiskStatus> Statuses { get; init; } = [];
    public string? ResourceArn { get; init; }
    public string? Text { get; init; }

    /// <summary>Null: worst severity first (then rule, resource).</summary>
    public IamSort<IamRiskSortField>? Sort { get; init; }
}

public sealed record IamRiskPage(IReadOnlyList<IamRiskRow> Rows, int TotalCount);

/// <summary>One rule's results, with what the rule says about itself (null for a rule this version no longer has).</summary>
public sealed record IamRiskCount(
    string RuleId,
    string Title,
    Severity Severity,
    RiskCategory Category,
    int Count,
    int Accounts,
    string? WhyItMatters = null,
    string? Remediation = null,
    string? Reference = null);
