using System.Text.Json.Serialization;

namespace Dashboard.Core.Iam.Risks.Capabilities;

/// <summary>Which existing resources of the account an escalation step acts on (checked by evaluation as well as <c>*</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EscalationTarget>))]
public enum EscalationTarget
{
    /// <summary>No IAM resource: evaluated on <c>*</c> (unrestricted resources) only.</summary>
    None,

    /// <summary>Users other than the principal itself (creating your own access key escalates nothing).</summary>
    OtherUsers,

    Users,
    Groups,

    /// <summary>Roles other than service-linked ones (nobody can pass, modify or assume those).</summary>
    Roles,

    /// <summary>Customer-managed policies: AWS-managed ones (arn:aws:iam::aws:policy/…) cannot be changed.</summary>
    CustomerManagedPolicies,
}

/// <summary>One permission a method needs: any one of the actions, on <c>*</c> or on a target of the given kind.</summary>
public sealed record EscalationStep(IReadOnlyList<string> AnyOf, EscalationTarget Target = EscalationTarget.None)
{
    public EscalationStep(string action, EscalationTarget target = EscalationTarget.None)
        : this([action], target)
    {
    }

    /// <summary>
    /// For iam:PassRole: the service principal the method hands the role to, asked as iam:PassedToService so
    /// that AWS's recommended condition (PassRole only to Lambda, say) decides instead of making every
    /// PassRole method "conditional". Null where the value is not certain: the key then stays unknown.
    /// </summary>
    public string? PassedToService { get; init; }

    public override string ToString() =>
        (AnyOf.Count == 1 ? AnyOf[0] : "(" + string.Join(" or ", AnyOf) + ")")
        + (PassedToService is null ? string.Empty : $" to {PassedToService}");
}

[JsonConverter(typeof(JsonStringEnumConverter<EscalationMethodKind>))]
public enum EscalationMethodKind
{
    /// <summary>Every step's permission is allowed.</summary>
    Permissions,

    /// <summary>The principal can assume (possibly through other roles) a role that is an administrator.</summary>
    RoleChain,
}

/// <summary>
/// A published privilege-escalation method: its id (cloudsplaining's name where it has one), where it was
/// published, and the permissions it needs. The result of the rule names the method by <see cref="Id"/>.
/// </summary>
public sealed record PrivilegeEscalationMethod
{
    public required string Id { get; init; }

    public required string Description { get; init; }

    /// <summary>Rhino Security Labs (2018), pathfinding.cloud via cloudsplaining, or pathfinding.cloud added here.</summary>
    public required string Source { get; init; }

    /// <summary>The write-up (pathfinding.cloud path or Rhino's article).</summary>
    public required string Reference { get; init; }

    public IReadOnlyList<EscalationStep> Steps { get; init; } = [];

    public EscalationMethodKind Kind { get; init; } = EscalationMethodKind.Permissions;

    /// <summary>True for the methods cloudsplaining's PRIVILEGE_ESCALATION_METHODS lists (compared with its results).</summary>
    public bool InCloudsplaining { get; init; } = true;

    /// <summary>"iam:PassRole + ec2:RunInstances".</summary>
    public string RequiredActions => Kind == EscalationMethodKind.RoleChain ? "sts:AssumeRole (chain)" : string.Join(" + ", Steps);
}
