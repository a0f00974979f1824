using System.Text.Json.Serialization;
using Dashboard.Core.Findings;

namespace Dashboard.Core.Iam.Risks;

[JsonConverter(typeof(JsonStringEnumConverter<RiskCategory>))]
public enum RiskCategory
{
    RootAccount,
    Credentials,
    PasswordPolicy,
    PolicyHygiene,
    AdminAccess,
    PrivilegeEscalation,
    DataExfiltration,
    ResourceExposure,
    CredentialsExposure,
    InfrastructureModification,
    ServiceWildcard,
    Trust,
    Inactive,
}

[JsonConverter(typeof(JsonStringEnumConverter<RiskResourceType>))]
public enum RiskResourceType
{
    Account,
    RootUser,
    User,
    Role,
    Principal,
    ManagedPolicy,
    PasswordPolicy,

    /// <summary>Appended last: cached results store the value as a number.</summary>
    Group,
}

[JsonConverter(typeof(JsonStringEnumConverter<RiskStatus>))]
public enum RiskStatus
{
    /// <summary>The risk is present.</summary>
    Fail,

    /// <summary>Present only if conditions the analysis cannot settle hold (listed in the explanation).</summary>
    Conditional,

    /// <summary>The principal's own policies grant it, but the organization's SCPs block it (or part of it).</summary>
    Mitigated,

    /// <summary>The rule could not be evaluated for this resource; the message says why.</summary>
    Error,
}

/// <summary>A rule's description, as data (the Prowler habit): shown in lists, reports and the risk detail.</summary>
public sealed record RiskRuleMetadata
{
    /// <summary>Stable, unique, snake_case, e.g. <c>iam_root_mfa_enabled</c> (the desired state, as Prowler names checks).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    public required RiskCategory Category { get; init; }

    public required RiskResourceType ResourceType { get; init; }

    /// <summary>Why it matters.</summary>
    public required string Risk { get; init; }

    /// <summary>What to do about it.</summary>
    public required string Remediation { get; init; }

    /// <summary>Where it comes from: a CIS item, a research paper, a tool's definition.</summary>
    public string? Reference { get; init; }

    /// <summary>
    /// Account data the rule reads besides principals and policies, any one of which is enough (root MFA:
    /// the credential report, else the account summary). When the snapshot has none of them the rule is
    /// reported as not evaluated, never as passed.
    /// </summary>
    public IReadOnlyList<Inventory.IamAccountData> Reads { get; init; } = [];
}

/// <summary>One risk on one resource: a readable sentence, the resource's ARN, severity and remediation.</summary>
public sealed record RiskResult
{
    public required string RuleId { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    public required RiskCategory Category { get; init; }

    public RiskStatus Status { get; init; } = RiskStatus.Fail;

    public required string AccountId { get; init; }

    public required RiskResourceType ResourceType { get; init; }

    public required string ResourceArn { get; init; }

    public required string ResourceName { get; init; }

    /// <summary>The finding in one readable sentence (or two).</summary>
    public required string Message { get; init; }

    public required string Remediation { get; init; }

    /// <summary>What was found, one entry each: escalation methods, actions, services, failed CIS items, keys.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>Items present only under conditions (see <see cref="Explanation"/>).</summary>
    public IReadOnlyList<string> ConditionalItems { get; init; } = [];

    /// <summary>The evidence, one fact per line: which statement of which policy allowed what, and under which conditions.</summary>
    public IReadOnlyList<string> Explanation { get; init; } = [];

    public override string ToString() => $"[{Severity}] {RuleId} {ResourceArn}: {Message}";
}
