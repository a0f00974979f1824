using System.Runtime.CompilerServices;
using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Iam.Risks.Capabilities;

/// <summary>One item of a scan (an action, a pattern, a service) and the decision that granted it.</summary>
public sealed record ScanHit(string Item, EvaluationResult Result);

/// <summary>What a scan found: items allowed outright, and items allowed only under conditions.</summary>
public sealed record ScanOutcome(IReadOnlyList<ScanHit> Allowed, IReadOnlyList<ScanHit> Conditional)
{
    public static ScanOutcome None { get; } = new([], []);

    public bool IsEmpty => Allowed.Count == 0 && Conditional.Count == 0;

    public IReadOnlyList<string> AllowedItems => [.. Allowed.Select(h => h.Item)];

    public IReadOnlyList<string> ConditionalItems => [.. Conditional.Select(h => h.Item)];
}

/// <summary>Evaluates a list of (item, action) pairs for one principal against one resource.</summary>
public static class ActionScan
{
    // The catalogues are scanned for every principal: lower-case them once, not once per principal.
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, string[]> LowerCased = new();

    /// <summary>Scans a fixed list (a catalogue); actions no Allow statement names are skipped without evaluating.</summary>
    public static ScanOutcome Run(PrincipalAccess access, IReadOnlyList<string> actions, string resource = "*")
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(actions);
        var lower = LowerCased.GetValue(actions, list => [.. list.Select(a => a.ToLowerInvariant())]);
        List<ScanHit>? allowed = null;
        List<ScanHit>? conditional = null;
        for (var i = 0; i < actions.Count; i++)
        {
            if (access.MayAllow(lower[i]))
            {
                Record(access.Can(actions[i], resource), actions[i], ref allowed, ref conditional);
            }
        }

        return Outcome(allowed, conditional);
    }

    public static ScanOutcome Run(PrincipalAccess access, IEnumerable<(string Item, string Action)> probes, string resource = "*")
    {
        ArgumentNullException.ThrowIfNull(access);
        List<ScanHit>? allowed = null;
        List<ScanHit>? conditional = null;
        foreach (var (item, action) in probes)
        {
            Record(access.Can(action, resource), item, ref allowed, ref conditional);
        }

        return Outcome(allowed, conditional);
    }

    private static void Record(EvaluationResult result, string item, ref List<ScanHit>? allowed, ref List<ScanHit>? conditional)
    {
        switch (result.Kind)
        {
            case DecisionKind.Allowed:
                (allowed ??= []).Add(new ScanHit(item, result));
                break;
            case DecisionKind.ConditionallyAllowed:
                (conditional ??= []).Add(new ScanHit(item, result));
                break;
        }
    }

    private static ScanOutcome Outcome(List<ScanHit>? allowed, List<ScanHit>? conditional) =>
        allowed is null && conditional is null ? ScanOutcome.None : new ScanOutcome(allowed ?? [], conditional ?? []);
}
