using System.Text.Json.Serialization;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Evaluation;

[JsonConverter(typeof(JsonStringEnumConverter<DecisionKind>))]
public enum DecisionKind
{
    Allowed,

    /// <summary>A Deny statement applies.</summary>
    ExplicitDeny,

    /// <summary>Nothing allows it (at some required layer: identity, boundary, an SCP level ...).</summary>
    ImplicitDeny,

    /// <summary>Allowed only if the listed conditions hold and the listed denies do not.</summary>
    ConditionallyAllowed,
}

[JsonConverter(typeof(JsonStringEnumConverter<PolicyKind>))]
public enum PolicyKind
{
    Identity,
    ResourceBased,
    PermissionsBoundary,
    Session,
    ServiceControl,
    ResourceControl,
}

[JsonConverter(typeof(JsonStringEnumConverter<StatementOutcome>))]
public enum StatementOutcome
{
    Applies,
    ActionNotMatched,
    ResourceNotMatched,
    PrincipalNotMatched,
    ConditionFalse,

    /// <summary>Depends on a context key the request does not supply.</summary>
    ConditionUnknown,

    /// <summary>A policy variable has no value: AWS treats the statement as invalid.</summary>
    VariableUnresolved,
}

/// <summary>Points at one statement of one policy, e.g. SCP 'DenyRegions' at OU 'Prod', statement 'Deny1'.</summary>
public sealed record StatementReference(
    PolicyKind PolicyKind,
    string PolicyName,
    string? Level,
    int Index,
    string? Sid,
    PolicyEffect Effect)
{
    public string Describe()
    {
        var kind = PolicyKind switch
        {
            PolicyKind.Identity => "identity-based policy",
            PolicyKind.ResourceBased => "resource-based policy",
            PolicyKind.PermissionsBoundary => "permissions boundary",
            PolicyKind.Session => "session policy",
            PolicyKind.ServiceControl => "SCP",
            _ => "RCP",
        };
        var level = Level is null ? string.Empty : $" at {Level}";
        var statement = string.IsNullOrEmpty(Sid) ? $"#{Index + 1}" : $"'{Sid}'";
        return $"{kind} '{PolicyName}'{level}, statement {statement}";
    }

    public override string ToString() => Describe();
}

/// <summary>One condition the decision depends on, in words (e.g. "aws:MultiFactorAuthPresent is true").</summary>
public sealed record ConditionClause(string Key, string Operator, IReadOnlyList<string> Values, string Text)
{
    public override string ToString() => Text;
}

/// <summary>A statement that applies only if all its clauses hold.</summary>
public sealed record ConditionalStatement(StatementReference Statement, IReadOnlyList<ConditionClause> Clauses)
{
    public string ConditionText => string.Join(" and ", Clauses.Select(c => c.Text));

    public override string ToString() => $"{ConditionText} ({Statement.Describe()})";
}

/// <summary>
/// A layer that allows the request only conditionally: it is satisfied when any one alternative's
/// conditions hold, e.g. layer "SCPs at OU 'Prod'".
/// </summary>
public sealed record AllowRequirement(string Layer, IReadOnlyList<ConditionalStatement> Alternatives)
{
    public string ConditionText => Alternatives.Count == 1
        ? Alternatives[0].ConditionText
        : string.Join(" or ", Alternatives.Select(a => $"({a.ConditionText})"));

    public override string ToString() => $"{Layer}: {ConditionText}";
}

/// <summary>Why one statement did or did not apply (verbose evaluations only).</summary>
public sealed record StatementTrace(
    StatementReference Statement,
    StatementOutcome Outcome,
    string Detail);

/// <summary>
/// The decision and its explanation. Never "Allowed" while a policy that applies could not be read:
/// such results carry <see cref="UncertainReasons"/> and are at most conditionally allowed.
/// </summary>
public sealed record EvaluationResult
{
    private string? _summary;
    private IReadOnlyList<string>? _explanation;

    public required DecisionKind Kind { get; init; }

    public required string Principal { get; init; }

    public required string Action { get; init; }

    public required string Resource { get; init; }

    /// <summary>One sentence, e.g. "Allowed only if aws:MultiFactorAuthPresent is true."</summary>
    public string Summary
    {
        get => _summary ??= Worded().Summary;
        init => _summary = value;
    }

    /// <summary>The explanation, one fact per line: what allowed or denied at each layer, exemptions.</summary>
    public IReadOnlyList<string> Explanation
    {
        get => _explanation ??= Worded().Lines;
        init => _explanation = value;
    }

    /// <summary>The explicit denies (for ExplicitDeny) or the allowing statements of each layer.</summary>
    public IReadOnlyList<StatementReference> DecidingStatements { get; init; } = [];

    /// <summary>Layers that allow only under conditions the request does not settle (all must hold).</summary>
    public IReadOnlyList<AllowRequirement> AllowedOnlyIf { get; init; } = [];

    /// <summary>Deny statements that would apply if their conditions hold (any one denies).</summary>
    public IReadOnlyList<ConditionalStatement> DeniedIf { get; init; } = [];

    /// <summary>Why the result cannot be trusted fully, e.g. an SCP that could not be parsed.</summary>
    public IReadOnlyList<string> UncertainReasons { get; init; } = [];

    /// <summary>Every statement considered and its outcome, when the request asked for it.</summary>
    public IReadOnlyList<StatementTrace> Trace { get; init; } = [];

    public bool IsAllowed => Kind == DecisionKind.Allowed;

    public bool IsUncertain => UncertainReasons.Count > 0;

    /// <summary>
    /// Words the summary and explanation on first read: scans over thousands of principals need only
    /// the decision, so the sentences are not built for results nobody looks at.
    /// </summary>
    internal Func<(string Summary, IReadOnlyList<string> Lines)>? Wording { private get; init; }

    public override string ToString() => Summary;

    private (string Summary, IReadOnlyList<string> Lines) Worded()
    {
        var worded = Wording?.Invoke() ?? (Kind.ToString(), []);
        _summary ??= worded.Summary;
        _explanation ??= worded.Lines;
        return worded;
    }
}
