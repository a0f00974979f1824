using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Evaluation;

/// <summary>The allows one layer (identity policies, the boundary, one SCP level ...) produced.</summary>
internal sealed class LayerOutcome(string label)
{
    public string Label { get; } = label;

    public List<(StatementReference Statement, GrantScope Scope)> Allows { get; } = [];

    public List<(ConditionalStatement Statement, GrantScope Scope)> ConditionalAllows { get; } = [];

    public bool AllowsDefinitely(GrantScope minimum) => Allows.Exists(a => a.Scope >= minimum);
}

/// <summary>
/// Runs every statement of every policy in a layer against the request. Denies from any layer are
/// collected in one place (an explicit deny anywhere wins); allows stay with their layer, because
/// layers combine differently (SCP levels and boundaries intersect, identity and resource policies unite).
/// </summary>
internal sealed class PolicyLayerEvaluator(EvaluationContext context, bool explain)
{
    public List<StatementReference> Denies { get; } = [];

    public List<ConditionalStatement> DeniedIf { get; } = [];

    public List<string> UncertainReasons { get; } = [];

    public List<StatementTrace>? Trace { get; } = explain ? [] : null;

    public LayerOutcome Evaluate(string label, IReadOnlyList<PolicyInput> policies, PolicyKind kind, string? level, PrincipalCheck principalCheck)
    {
        var outcome = new LayerOutcome(label);
        foreach (var input in policies)
        {
            if (!input.Parsed.IsSuccess)
            {
                // Never read an unreadable policy as "no statements": it might deny.
                UncertainReasons.Add($"{label}: '{input.Name}' could not be parsed ({input.Parsed.Error}), so it may deny or fail to allow this request");
                continue;
            }

            var policy = input.Parsed.Policy;
            foreach (var statement in policy.Statements)
            {
                var match = StatementMatcher.Match(statement, policy.SupportsVariables, context, principalCheck, explain);
                if (Trace is null && match.Outcome is not (StatementOutcome.Applies or StatementOutcome.ConditionUnknown))
                {
                    // The hot path for "who can do A on R" scans: statements that do not apply allocate nothing.
                    continue;
                }

                var reference = new StatementReference(kind, input.Name, level, statement.Index, statement.Sid, statement.Effect);
                Trace?.Add(new StatementTrace(reference, match.Outcome, match.Detail ?? string.Empty));
                Record(outcome, statement.Effect, reference, match);
            }
        }

        return outcome;
    }

    private void Record(LayerOutcome outcome, PolicyEffect effect, StatementReference reference, StatementMatch match)
    {
        switch (match.Outcome, effect)
        {
            case (StatementOutcome.Applies, PolicyEffect.Deny):
                Denies.Add(reference);
                break;
            case (StatementOutcome.Applies, PolicyEffect.Allow):
                outcome.Allows.Add((reference, match.Scope));
                break;
            case (StatementOutcome.ConditionUnknown, PolicyEffect.Deny):
                DeniedIf.Add(new ConditionalStatement(reference, match.PendingClauses!));
                break;
            case (StatementOutcome.ConditionUnknown, PolicyEffect.Allow):
                outcome.ConditionalAllows.Add((new ConditionalStatement(reference, match.PendingClauses!), match.Scope));
                break;
        }
    }
}

/// <summary>One thing that must allow the request (all requirements must hold).</summary>
internal sealed class Requirement
{
    private readonly Func<string> _failure;

    private Requirement(string layer, Func<string> failure, List<StatementReference> satisfying, List<ConditionalStatement> alternatives)
    {
        Layer = layer;
        _failure = failure;
        Satisfying = satisfying;
        Alternatives = alternatives;
    }

    public string Layer { get; }

    /// <summary>Why nothing allowed; worded only when needed, since most requirements are met.</summary>
    public string FailureText => _failure();

    public List<StatementReference> Satisfying { get; }

    public List<ConditionalStatement> Alternatives { get; }

    public bool IsSatisfied => Satisfying.Count > 0;

    public bool IsUnsatisfied => Satisfying.Count == 0 && Alternatives.Count == 0;

    /// <summary>Satisfied by any of the layers' allows that name the caller at least as directly as <paramref name="minimum"/>.</summary>
    public static Requirement AnyOf(string layer, Func<string> failure, GrantScope minimum, params LayerOutcome?[] layers)
    {
        List<StatementReference>? satisfying = null;
        List<ConditionalStatement>? alternatives = null;
        foreach (var outcome in layers)
        {
            if (outcome is null)
            {
                continue;
            }

            foreach (var (statement, scope) in outcome.Allows)
            {
                if (scope >= minimum)
                {
                    (satisfying ??= []).Add(statement);
                }
            }

            foreach (var (statement, scope) in outcome.ConditionalAllows)
            {
                if (scope >= minimum)
                {
                    (alternatives ??= []).Add(statement);
                }
            }
        }

        // A definite allow makes the conditional ones irrelevant for this requirement.
        return new Requirement(layer, failure, satisfying ?? [], satisfying is null ? alternatives ?? [] : []);
    }

    public AllowRequirement ToAllowRequirement() => new(Layer, Alternatives);
}
