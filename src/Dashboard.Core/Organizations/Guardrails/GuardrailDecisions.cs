using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Organizations.Guardrails;

/// <summary>
/// Turns the evaluator's answer into deciders the UI can link to: the SCP (id and name), the root/OU/account
/// it is attached to, and the statement. For an implicit deny (allow-list strategy) it finds the level
/// that allows nothing by evaluating the request through each level alone.
/// </summary>
internal sealed class GuardrailDecisions(GuardrailProbe probe)
{
    public IReadOnlyList<GuardrailDecider> For(ProbeResult check)
    {
        switch (check.Result.Kind)
        {
            case DecisionKind.ExplicitDeny:
                return [.. check.Result.DecidingStatements.Select(Decider).OfType<GuardrailDecider>()];
            case DecisionKind.ImplicitDeny:
                var levels = new List<GuardrailDecider>();
                for (var i = 0; i < probe.Levels.Count; i++)
                {
                    if (probe.RunAtLevel(check, i).Kind == DecisionKind.ImplicitDeny)
                    {
                        var level = probe.Chain[i];
                        levels.Add(new GuardrailDecider(GuardrailDeciderKind.NotAllowed, level.TargetId, level.Name, null, null, null, null));
                    }
                }

                return levels;
            default:
                return [];
        }
    }

    /// <summary>The decider for one SCP statement the evaluator named; null for other policy kinds.</summary>
    public GuardrailDecider? Decider(StatementReference reference)
    {
        if (Locate(reference) is not { } found) return null;
        return new GuardrailDecider(
            GuardrailDeciderKind.ExplicitDeny,
            found.Level.TargetId,
            found.Level.Name,
            found.Policy.Id,
            found.Policy.Name,
            reference.Sid,
            reference.Index);
    }

    /// <summary>The parsed statement behind a reference, for its conditions.</summary>
    public PolicyStatement? Statement(StatementReference reference)
    {
        if (Locate(reference) is not { } found) return null;
        var parsed = probe.Snapshot.ParsedPolicy(found.Policy.Id).Parsed;
        return parsed.IsSuccess && reference.Index < parsed.Policy.Statements.Count ? parsed.Policy.Statements[reference.Index] : null;
    }

    private (EffectivePolicyLevel Level, OrganizationPolicy Policy)? Locate(StatementReference reference)
    {
        if (reference.PolicyKind != PolicyKind.ServiceControl) return null;
        var level = probe.Chain.FirstOrDefault(l => string.Equals(l.Name, reference.Level, StringComparison.Ordinal));
        var policy = level?.Policies.FirstOrDefault(p => string.Equals(p.Name, reference.PolicyName, StringComparison.Ordinal));
        return level is null || policy is null ? null : (level, policy);
    }
}
