using System.Text.Json.Serialization;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Iam.Access;

[JsonConverter(typeof(JsonStringEnumConverter<ServiceAccess>))]
public enum ServiceAccess
{
    /// <summary><c>service:*</c> is allowed on every resource (and nothing the policies name is denied).</summary>
    Full,

    /// <summary>Some actions, at the access levels listed.</summary>
    Limited,

    /// <summary>Only List-level actions (enumerating, describing).</summary>
    ListOnly,
}

/// <summary>What a principal may do in one service.</summary>
public sealed record ServicePermissions(
    string Service,
    ServiceAccess Access,
    IReadOnlyList<ActionAccessLevel> Levels,
    IReadOnlyList<string> Actions,
    bool ResourceRestricted,
    bool Conditional);

/// <summary>
/// A principal's effective permissions summarised by service (full / limited with access levels /
/// list-only), decided by evaluating the actions its policies name (wildcards through probe actions,
/// see <see cref="ActionProbes"/>) against all resources and, failing that, against the resources the
/// allowing statements name. <see cref="AllServices"/> is set when any action at all is allowed
/// (<c>*</c> or a NotAction statement); services listed then are those the policies single out.
/// </summary>
public sealed record EffectivePermissionsSummary(string PrincipalArn, ServicePermissions? AllServices, IReadOnlyList<ServicePermissions> Services)
{
    private static readonly ActionAccessLevel[] EveryLevel = Enum.GetValues<ActionAccessLevel>();

    public static EffectivePermissionsSummary For(PrincipalAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var any = access.Can(ActionProbes.AnyAction);
        var allServices = IsGranted(any)
            ? new ServicePermissions("*", ServiceAccess.Full, EveryLevel, ["*"], false, any.Kind != DecisionKind.Allowed)
            : null;
        if (access.Identity.IsRoot)
        {
            return new EffectivePermissionsSummary(access.Identity.Arn, allServices, []);
        }

        var services = new List<ServicePermissions>();
        foreach (var (service, mentioned, allowPatterns) in PatternsByService(access.Identity))
        {
            if (Summarise(access, service, mentioned, allowPatterns) is { } summary)
            {
                services.Add(summary);
            }
        }

        return new EffectivePermissionsSummary(access.Identity.Arn, allServices, services);
    }

    private static ServicePermissions? Summarise(PrincipalAccess access, string service, IReadOnlyCollection<string> mentioned, IReadOnlyCollection<string> allowPatterns)
    {
        var whole = access.Can(ActionProbes.AnyActionOf(service));
        var conditional = whole.Kind == DecisionKind.ConditionallyAllowed;
        var full = IsGranted(whole);
        foreach (var pattern in mentioned)
        {
            if (!full)
            {
                break;
            }

            var probe = access.Can(ActionProbes.ForPattern(pattern));
            full = IsGranted(probe);
            conditional |= probe.Kind == DecisionKind.ConditionallyAllowed;
        }

        if (full)
        {
            return new ServicePermissions(service, ServiceAccess.Full, EveryLevel, [$"{service}:*"], false, conditional);
        }

        var levels = new SortedSet<ActionAccessLevel>();
        var actions = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var restricted = false;
        conditional = false;
        foreach (var pattern in allowPatterns)
        {
            var probe = ActionProbes.ForPattern(pattern);
            var (granted, onlySome, onlyIf) = Granted(access, probe);
            if (!granted)
            {
                continue;
            }

            actions.Add(pattern);
            levels.Add(ActionAccessLevels.Classify(pattern.Contains('*', StringComparison.Ordinal) || pattern.Contains('?', StringComparison.Ordinal) ? probe : pattern));
            restricted |= onlySome;
            conditional |= onlyIf;
        }

        if (actions.Count == 0)
        {
            return null;
        }

        var kind = levels.All(l => l == ActionAccessLevel.List) ? ServiceAccess.ListOnly : ServiceAccess.Limited;
        return new ServicePermissions(service, kind, [.. levels], [.. actions], restricted, conditional);
    }

    /// <summary>Allowed on all resources, or else on a resource one of its allowing statements names.</summary>
    private static (bool Granted, bool ResourceRestricted, bool Conditional) Granted(PrincipalAccess access, string action)
    {
        var onAll = access.Can(action);
        if (IsGranted(onAll))
        {
            return (true, false, onAll.Kind != DecisionKind.Allowed);
        }

        // A glob pattern matches itself, so evaluating the statement's own resource pattern asks
        // "is the action allowed on some resource this statement covers?" without an inventory of resources.
        foreach (var (_, statement) in access.Identity.AllowStatementsFor(action.ToLowerInvariant()))
        {
            if (statement.Resources is not { IsNegated: false } resources)
            {
                continue;
            }

            foreach (var resource in resources.Values)
            {
                var onSome = access.Can(action, resource);
                if (IsGranted(onSome))
                {
                    return (true, true, onSome.Kind != DecisionKind.Allowed);
                }
            }
        }

        return (false, false, false);
    }

    private static bool IsGranted(EvaluationResult result) => result.Kind is DecisionKind.Allowed or DecisionKind.ConditionallyAllowed;

    /// <summary>Per service: every pattern any statement names (to check "full"), and the patterns Allow statements grant.</summary>
    private static IEnumerable<(string Service, IReadOnlyCollection<string> Mentioned, IReadOnlyCollection<string> AllowPatterns)> PatternsByService(EffectiveIdentity identity)
    {
        var mentioned = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var allowed = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var statement in identity.AllStatements())
        {
            foreach (var pattern in statement.Actions.Values)
            {
                if (ActionProbes.ServiceOf(pattern) is not { } service)
                {
                    continue;
                }

                Add(mentioned, service, pattern);
                if (statement.Effect == Policies.PolicyEffect.Allow && !statement.Actions.IsNegated)
                {
                    Add(allowed, service, pattern);
                }
            }
        }

        foreach (var (service, patterns) in mentioned)
        {
            yield return (service, patterns, allowed.TryGetValue(service, out var granted) ? granted : []);
        }
    }

    private static void Add(IDictionary<string, SortedSet<string>> map, string service, string pattern)
    {
        if (!map.TryGetValue(service, out var set))
        {
            map[service] = set = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        set.Add(pattern.Trim());
    }
}
