namespace Dashboard.Core.Iam.Evaluation;

/// <summary>Turns the collected denies and requirements into the decision, its summary and its explanation.</summary>
internal static class DecisionBuilder
{
    public static EvaluationResult Build(EvaluationContext context, PolicyLayerEvaluator layers, List<Requirement> requirements, List<string> exemptions)
    {
        var kind = Decide(layers, requirements);
        var deciding = kind switch
        {
            DecisionKind.ExplicitDeny => layers.Denies.ToArray(),
            DecisionKind.ImplicitDeny => [],
            _ => SatisfyingStatements(requirements),
        };

        return new EvaluationResult
        {
            Kind = kind,
            Principal = context.Principal.ToString(),
            Action = context.Request.Action,
            Resource = context.Resource,
            DecidingStatements = deciding,
            AllowedOnlyIf = kind == DecisionKind.ConditionallyAllowed ? ConditionalRequirements(requirements) : [],
            DeniedIf = kind == DecisionKind.ExplicitDeny || layers.DeniedIf.Count == 0 ? [] : layers.DeniedIf.ToArray(),
            UncertainReasons = layers.UncertainReasons.Count == 0 ? [] : layers.UncertainReasons.ToArray(),
            Trace = layers.Trace?.ToArray() ?? [],
            Wording = () => Word(kind, context, layers, requirements, exemptions),
        };
    }

    private static DecisionKind Decide(PolicyLayerEvaluator layers, List<Requirement> requirements)
    {
        if (layers.Denies.Count > 0)
        {
            return DecisionKind.ExplicitDeny;
        }

        var allSatisfied = true;
        foreach (var requirement in requirements)
        {
            if (requirement.IsUnsatisfied)
            {
                return DecisionKind.ImplicitDeny;
            }

            allSatisfied &= requirement.IsSatisfied;
        }

        // Never "Allowed" while a conditional deny or an unreadable policy could still change the answer.
        return allSatisfied && layers.DeniedIf.Count == 0 && layers.UncertainReasons.Count == 0
            ? DecisionKind.Allowed
            : DecisionKind.ConditionallyAllowed;
    }

    private static StatementReference[] SatisfyingStatements(List<Requirement> requirements)
    {
        var statements = new List<StatementReference>();
        foreach (var requirement in requirements)
        {
            statements.AddRange(requirement.Satisfying);
        }

        return statements.ToArray();
    }

    private static AllowRequirement[] ConditionalRequirements(List<Requirement> requirements)
    {
        var conditional = new List<AllowRequirement>();
        foreach (var requirement in requirements)
        {
            if (!requirement.IsSatisfied)
            {
                conditional.Add(requirement.ToAllowRequirement());
            }
        }

        return conditional.ToArray();
    }

    private static (string Summary, IReadOnlyList<string> Lines) Word(
        DecisionKind kind,
        EvaluationContext context,
        PolicyLayerEvaluator layers,
        List<Requirement> requirements,
        List<string> exemptions)
    {
        var lines = new List<string>(exemptions);
        if (kind == DecisionKind.ExplicitDeny)
        {
            lines.AddRange(layers.Denies.Select(d => $"Explicitly denied by {d.Describe()}."));
            var more = layers.Denies.Count > 1 ? $" (and {layers.Denies.Count - 1} more)" : string.Empty;
            return ($"Explicitly denied by {layers.Denies[0].Describe()}{more}.", lines);
        }

        string? firstFailure = null;
        foreach (var requirement in requirements)
        {
            if (requirement.IsSatisfied)
            {
                lines.Add($"{Capitalize(requirement.Layer)}: allowed by {string.Join("; ", requirement.Satisfying.Select(s => s.Describe()))}.");
            }
            else if (requirement.IsUnsatisfied)
            {
                var failure = requirement.FailureText;
                firstFailure ??= failure;
                lines.Add($"{Capitalize(requirement.Layer)}: {failure}.");
            }
            else
            {
                lines.Add($"{Capitalize(requirement.Layer)}: allowed only if {string.Join(" or ", requirement.Alternatives.Select(a => a.ToString()))}.");
            }
        }

        lines.AddRange(layers.DeniedIf.Select(d => $"Denied if {d.ConditionText} ({d.Statement.Describe()})."));
        lines.AddRange(layers.UncertainReasons.Select(u => $"Uncertain: {u}."));

        var summary = kind switch
        {
            DecisionKind.ImplicitDeny => $"Implicitly denied: {firstFailure}.",
            DecisionKind.Allowed => $"Allowed: {context.Principal} may perform {context.Request.Action} on {context.Resource}.",
            _ => ConditionalSummary(ConditionalRequirements(requirements), layers),
        };
        return (summary, lines);
    }

    private static string ConditionalSummary(AllowRequirement[] conditional, PolicyLayerEvaluator layers)
    {
        var parts = new List<string>();
        if (conditional.Length > 0)
        {
            parts.Add("Allowed only if " + string.Join(" and ", conditional.Select(r => r.ConditionText)));
        }

        if (layers.DeniedIf.Count > 0)
        {
            var denied = "denied if " + string.Join(" or ", layers.DeniedIf.Select(d => d.ConditionText));
            parts.Add(parts.Count == 0 ? Capitalize(denied) + "; otherwise allowed" : denied);
        }

        if (layers.UncertainReasons.Count > 0)
        {
            var uncertain = "uncertain: " + layers.UncertainReasons[0];
            parts.Add(parts.Count == 0 ? "Allowed by the policies that could be read, but " + uncertain : uncertain);
        }

        return string.Join("; ", parts) + ".";
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
