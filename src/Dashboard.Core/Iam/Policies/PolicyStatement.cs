using System.Text.Json.Serialization;
using Dashboard.Core.Iam.Matching;

namespace Dashboard.Core.Iam.Policies;

[JsonConverter(typeof(JsonStringEnumConverter<PolicyEffect>))]
public enum PolicyEffect
{
    Allow,
    Deny,
}

/// <summary>One statement, with its patterns compiled for evaluation.</summary>
public sealed class PolicyStatement
{
    internal PolicyStatement(
        int index,
        string? sid,
        PolicyEffect effect,
        ActionList actions,
        ResourceList? resources,
        PrincipalList? principals,
        IReadOnlyList<PolicyCondition> conditions)
    {
        Index = index;
        Sid = sid;
        Effect = effect;
        Actions = actions;
        Resources = resources;
        Principals = principals;
        Conditions = conditions;
    }

    /// <summary>Zero-based position in the document's <c>Statement</c> list.</summary>
    public int Index { get; }

    public string? Sid { get; }

    public PolicyEffect Effect { get; }

    /// <summary><c>Action</c> or, when <see cref="ActionList.IsNegated"/>, <c>NotAction</c>.</summary>
    public ActionList Actions { get; }

    /// <summary><c>Resource</c>/<c>NotResource</c>; null when absent (trust policies have none).</summary>
    public ResourceList? Resources { get; }

    /// <summary><c>Principal</c>/<c>NotPrincipal</c>; null when absent (identity policies, SCPs).</summary>
    public PrincipalList? Principals { get; }

    /// <summary>One entry per operator and key; all must hold (logical AND).</summary>
    public IReadOnlyList<PolicyCondition> Conditions { get; }

    /// <summary>The Sid in quotes, or the 1-based position when there is no Sid.</summary>
    public string Label => string.IsNullOrEmpty(Sid) ? $"#{Index + 1}" : $"'{Sid}'";
}

/// <summary>The <c>Action</c> or <c>NotAction</c> patterns; matching is case-insensitive.</summary>
public sealed class ActionList
{
    // Lists longer than this are indexed: AWS managed policies such as ReadOnlyAccess list thousands of actions.
    private const int IndexThreshold = 8;

    private readonly WildcardPattern[] _patterns;
    private readonly bool _matchesEverything;
    private readonly HashSet<string>? _exact;
    private readonly Dictionary<string, WildcardPattern[]>.AlternateLookup<ReadOnlySpan<char>> _wildcardsByService;
    private readonly WildcardPattern[] _anyService = [];

    internal ActionList(bool isNegated, IReadOnlyList<string> values)
    {
        IsNegated = isNegated;
        Values = values;
        _patterns = values.Select(v => WildcardPattern.Compile(v, lowerCase: true)).ToArray();
        _matchesEverything = _patterns.Any(p => p.MatchesEverything);
        if (_patterns.Length <= IndexThreshold || _matchesEverything)
        {
            return;
        }

        _exact = new HashSet<string>(StringComparer.Ordinal);
        var byService = new Dictionary<string, List<WildcardPattern>>(StringComparer.Ordinal);
        var anyService = new List<WildcardPattern>();
        for (var i = 0; i < values.Count; i++)
        {
            var lower = values[i].ToLowerInvariant();
            var colon = lower.IndexOf(':');
            var hasWildcard = lower.AsSpan().IndexOfAny('*', '?') >= 0;
            if (!hasWildcard)
            {
                _exact.Add(lower);
            }
            else if (colon > 0 && lower.AsSpan(0, colon).IndexOfAny('*', '?') < 0)
            {
                var service = lower[..colon];
                if (!byService.TryGetValue(service, out var list))
                {
                    byService[service] = list = [];
                }

                list.Add(_patterns[i]);
            }
            else
            {
                anyService.Add(_patterns[i]);
            }
        }

        _wildcardsByService = byService.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _anyService = anyService.ToArray();
    }

    public bool IsNegated { get; }

    public IReadOnlyList<string> Values { get; }

    /// <summary>Whether a listed pattern matches; the caller applies <see cref="IsNegated"/>.</summary>
    /// <param name="lowerCaseAction">The request's action, already lower-cased once per request.</param>
    internal bool AnyPatternMatches(string lowerCaseAction)
    {
        if (_matchesEverything)
        {
            return true;
        }

        if (_exact is null)
        {
            return AnyMatches(_patterns, lowerCaseAction);
        }

        if (_exact.Contains(lowerCaseAction))
        {
            return true;
        }

        var colon = lowerCaseAction.IndexOf(':');
        if (colon > 0 && _wildcardsByService.TryGetValue(lowerCaseAction.AsSpan(0, colon), out var servicePatterns) && AnyMatches(servicePatterns, lowerCaseAction))
        {
            return true;
        }

        return AnyMatches(_anyService, lowerCaseAction);
    }

    private static bool AnyMatches(WildcardPattern[] patterns, string lowerCaseAction)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(lowerCaseAction))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The <c>Resource</c> or <c>NotResource</c> ARN patterns; matching is case-sensitive.</summary>
public sealed class ResourceList
{
    internal ResourceList(bool isNegated, IReadOnlyList<string> values, bool supportsVariables, List<string> warnings)
    {
        IsNegated = isNegated;
        Values = values;
        var entries = new ResourceEntry[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            PolicyVariableTemplate? template = null;
            if (supportsVariables)
            {
                template = PolicyVariableTemplate.TryParse(values[i], out var warning);
                if (warning is not null)
                {
                    warnings.Add(warning);
                }
            }

            entries[i] = template is null ? new ResourceEntry(values[i], ArnPattern.Compile(values[i]), null) : new ResourceEntry(values[i], null, template);
        }

        Entries = entries;
    }

    public bool IsNegated { get; }

    public IReadOnlyList<string> Values { get; }

    internal IReadOnlyList<ResourceEntry> Entries { get; }

    internal sealed record ResourceEntry(string Raw, ArnPattern? Pattern, PolicyVariableTemplate? Template);
}
