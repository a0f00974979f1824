using Dashboard.Core.Iam.Matching;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Organizations.Guardrails;

/// <summary>The Regions an account's SCPs name as allowed, and the SCPs that name them.</summary>
internal sealed record InferredRegions(IReadOnlyList<string> Allowed, IReadOnlyList<string> Sources);

/// <summary>
/// Which Regions the organization means to allow, read from the account's own SCPs when
/// <see cref="GuardrailOptions.AllowedRegions"/> is not configured. Only the intent is read from the text;
/// whether the Regions outside it really are denied is still decided by evaluating the test requests.
/// A statement names allowed Regions when it applies to a test action and either denies unless
/// <c>aws:RequestedRegion</c> is one of a list (StringNotEquals / StringNotLike: the documented "deny
/// outside allowed Regions" SCP) or allows only if it is (an allow-list SCP). Every Deny restricts on its
/// own and the Allows of one level add up, so the allowed set is what every restriction leaves. A deny of a
/// few named Regions (StringEquals on a Deny) says which Regions are denied, not which are allowed: alone
/// it yields no intent, so such an account is not called protected.
/// </summary>
internal static class RegionIntent
{
    private const string RegionKey = "aws:RequestedRegion";

    public static InferredRegions? Infer(GuardrailProbe probe, IReadOnlyList<string> actions, IReadOnlyList<string> candidates)
    {
        var lowerActions = actions.Select(a => a.ToLowerInvariant()).ToList();
        var restrictions = new List<HashSet<string>>();
        var sources = new List<string>();
        for (var level = 0; level < probe.Levels.Count; level++)
        {
            HashSet<string>? levelAllows = null;
            var policies = probe.Levels[level].Policies;
            for (var p = 0; p < policies.Count; p++)
            {
                if (policies[p].Parsed.Policy is not { } document) continue;
                foreach (var statement in document.Statements)
                {
                    if (!lowerActions.Exists(a => statement.Actions.AnyPatternMatches(a) != statement.Actions.IsNegated)) continue;
                    foreach (var condition in statement.Conditions.Where(c => NamesAllowedRegions(statement.Effect, c)))
                    {
                        var named = candidates.Where(region => Matches(condition, region)).ToHashSet(StringComparer.Ordinal);
                        if (statement.Effect == PolicyEffect.Deny) restrictions.Add(named);
                        else (levelAllows ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(named);
                        var policy = probe.Chain[level].Policies[p];
                        sources.Add($"SCP '{policy.Name}' ({policy.Id}) at {probe.Chain[level].Name}");
                    }
                }
            }

            if (levelAllows is not null) restrictions.Add(levelAllows);
        }

        if (restrictions.Count == 0) return null;
        return new InferredRegions(
            [.. candidates.Where(region => restrictions.TrueForAll(r => r.Contains(region)))],
            [.. sources.Distinct(StringComparer.Ordinal)]);
    }

    private static bool NamesAllowedRegions(PolicyEffect effect, PolicyCondition condition)
    {
        if (!string.Equals(condition.Key, RegionKey, StringComparison.OrdinalIgnoreCase)) return false;
        return effect == PolicyEffect.Deny
            ? condition.Operator.Kind is ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringNotEqualsIgnoreCase or ConditionOperatorKind.StringNotLike
            : condition.Operator.Kind is ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringLike;
    }

    private static bool Matches(PolicyCondition condition, string region) => condition.Operator.Kind switch
    {
        ConditionOperatorKind.StringNotLike or ConditionOperatorKind.StringLike =>
            condition.Values.Any(v => WildcardPattern.Compile(v).IsMatch(region)),
        ConditionOperatorKind.StringNotEqualsIgnoreCase or ConditionOperatorKind.StringEqualsIgnoreCase =>
            condition.Values.Contains(region, StringComparer.OrdinalIgnoreCase),
        _ => condition.Values.Contains(region, StringComparer.Ordinal),
    };
}
