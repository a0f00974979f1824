using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Organizations;
using Dashboard.Data.Iam;

namespace Dashboard.Web.Iam;

/// <summary>A conditional risk item (an action) answered for one Region.</summary>
public sealed record RegionItemDecision(string Item, AccessDecision Decision);

/// <summary>A principal's answers re-checked for requests to one Region: its effective permissions and its conditional risks' actions.</summary>
public sealed record RegionRecheckView(string Region, EffectivePermissionsView Permissions, IReadOnlyDictionary<long, IReadOnlyList<RegionItemDecision>> RiskItems);

/// <summary>
/// "Only if conditions hold" is often an SCP's Region condition (aws:RequestedRegion): the request carries no
/// Region, so the answer cannot be definite. Re-asking with a Region the organization allows gives the
/// definite answer next to the conditional one.
/// </summary>
public static class RegionRecheck
{
    public const string Key = "aws:RequestedRegion";
    private const string ConditionalSuffix = " (if conditions hold)";

    /// <summary>A conditional answer whose conditions name aws:RequestedRegion.</summary>
    public static bool DependsOnRegion(AccessDecisionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Decision == AccessDecision.ConditionallyAllowed
            && view.AllowedOnlyIf.Concat(view.DeniedIf).Any(c => c.Contains(Key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when the context lines already set aws:RequestedRegion (nothing to re-check).</summary>
    public static bool Supplies(string? context)
        => AccessWorkbench.ContextLines(context).Any(l => l.StartsWith(Key + "=", StringComparison.OrdinalIgnoreCase));

    public static string WithRegion(string? context, string region)
        => string.Join('\n', [.. AccessWorkbench.ContextLines(context), $"{Key}={region}"]);

    /// <summary>The first candidate whose answer is not denied (a Region the SCPs allow); the first candidate when all are; null when there is none.</summary>
    public static string? Pick(IReadOnlyList<string> candidates, Func<string, AccessDecision?> decide)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(decide);
        foreach (var region in candidates)
        {
            if (decide(region) is { } decision && decision != AccessDecision.Denied) return region;
        }

        return candidates.Count > 0 ? candidates[0] : null;
    }

    /// <summary>Access to the account for requests that carry aws:RequestedRegion=<paramref name="region"/>.</summary>
    public static IamAccountAccess AccessIn(IamAccountSnapshot snapshot, OrganizationSnapshot? organization, DateTimeOffset now, string region)
        => new(snapshot, PrincipalDetailViewModel.AccessOptionsFor(snapshot.AccountId, organization, now) with { Context = ContextKeys.Empty.With(Key, region) });

    /// <summary>
    /// The action a principal page probes candidates with: "any action" when its administrator answer is
    /// conditional, else an action of its first conditional service or conditional risk; null when nothing
    /// on the page is conditional.
    /// </summary>
    public static string? ProbeAction(EffectivePermissionsView? permissions, IReadOnlyList<IamRiskRow> risks)
    {
        ArgumentNullException.ThrowIfNull(risks);
        if (permissions?.AllServices is { Conditional: true }) return ActionProbes.AnyAction;
        if (permissions?.Services.FirstOrDefault(s => s.Conditional) is { } service) return service.ExampleAction ?? ActionProbes.AnyActionOf(service.Service);
        return risks.SelectMany(ConditionalActions).FirstOrDefault();
    }

    /// <summary>The principal's effective permissions and conditional risk actions, answered in <paramref name="region"/>.</summary>
    public static RegionRecheckView? ForPrincipal(
        IamAccountSnapshot snapshot, string arn, IReadOnlyList<IamRiskRow> risks, OrganizationSnapshot? organization, DateTimeOffset now, string region)
    {
        var access = AccessIn(snapshot, organization, now, region);
        var scps = PrincipalDetailViewModel.ScpChain(snapshot.AccountId, organization);
        if (!access.TryFind(arn, out var identity, out var error)) return null;
        var evaluator = access.For(identity!, scps);
        var items = new Dictionary<long, IReadOnlyList<RegionItemDecision>>();
        foreach (var risk in risks.Where(r => r.Status == Dashboard.Core.Iam.Risks.RiskStatus.Conditional))
        {
            var decisions = ConditionalActions(risk).Select(a => new RegionItemDecision(a, AccessDecisionView.Labels.Decide(evaluator.Can(a)))).ToList();
            if (decisions.Count > 0) items[risk.Id] = decisions;
        }

        return new RegionRecheckView(region, EffectivePermissionsView.For(access, identity, error, scps), items);
    }

    /// <summary>The actions a conditional risk lists as allowed only under conditions (methods and other items are not actions).</summary>
    private static IEnumerable<string> ConditionalActions(IamRiskRow risk)
        => risk.Status != Dashboard.Core.Iam.Risks.RiskStatus.Conditional
            ? []
            : risk.Items
                .Where(i => i.EndsWith(ConditionalSuffix, StringComparison.Ordinal))
                .Select(i => i[..^ConditionalSuffix.Length])
                .Where(ActionCatalog.IsAction);
}
