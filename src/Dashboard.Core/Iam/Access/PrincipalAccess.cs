using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Iam.Access;

/// <summary>
/// "Can this principal do A on R?" for one principal, with its SCP chain and the run's context, every
/// answer memoised per (action, resource): the admin probe, the escalation catalogue and the category
/// scans ask overlapping questions, and each is evaluated once. Drop the instance when done with the
/// principal; scans over a whole account keep one alive at a time. Not thread-safe.
/// </summary>
public sealed class PrincipalAccess
{
    private readonly Dictionary<(string Action, string Resource), EvaluationResult> _memo = new(MemoKeyComparer.Instance);
    private readonly Dictionary<(string Action, string Resource, string Context), EvaluationResult> _contextMemo = [];
    private readonly AccessScope _scope;

    internal PrincipalAccess(EffectiveIdentity identity, IReadOnlyList<OrganizationPolicyLevel>? serviceControlPolicies, AccessScope scope)
    {
        Identity = identity;
        ServiceControlPolicies = serviceControlPolicies;
        _scope = scope;
    }

    public EffectiveIdentity Identity { get; }

    /// <summary>The SCP chain applied, root first; null when none (not in an organization, or ignored).</summary>
    public IReadOnlyList<OrganizationPolicyLevel>? ServiceControlPolicies { get; }

    /// <summary>How many requests went to the evaluator (memo hits and skipped ones excluded).</summary>
    public int Evaluations { get; private set; }

    /// <summary>The decision for an identity-only request (no resource policy), memoised.</summary>
    public EvaluationResult Can(string action, string resource = "*")
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        if (_memo.TryGetValue((action, resource), out var known))
        {
            return known;
        }

        // A trust policy naming the principal allows on its own within the account: no shortcut then.
        var result = Identity.MayAllow(action.Trim().ToLowerInvariant()) || _scope.ResourcePolicyOf?.Invoke(action, resource) is not null
            ? Evaluate(action, resource, null, null)
            : NothingAllows(action, resource);
        _memo[(action, resource)] = result;
        return result;
    }

    /// <summary>
    /// <see cref="Can(string, string)"/> with one request context key set, e.g. iam:PassedToService for a
    /// PassRole step; memoised per (action, resource, key, value).
    /// </summary>
    public EvaluationResult Can(string action, string resource, string contextKey, string contextValue)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(contextKey);
        ArgumentNullException.ThrowIfNull(contextValue);
        var key = (action, resource, contextKey.ToLowerInvariant() + "=" + contextValue);
        if (_contextMemo.TryGetValue(key, out var known))
        {
            return known;
        }

        var result = Identity.MayAllow(action.Trim().ToLowerInvariant()) || _scope.ResourcePolicyOf?.Invoke(action, resource) is not null
            ? Evaluate(action, resource, null, ContextKeys.Empty.With(contextKey, contextValue))
            : NothingAllows(action, resource);
        _contextMemo[key] = result;
        return result;
    }

    /// <summary>
    /// The full decision, always from the evaluator (so an explicit deny is reported as such), with an
    /// optional resource-based policy and extra context keys; not memoised. Without one, a resource policy the
    /// account knows for the request (a role's trust policy for sts:AssumeRole on it) is used.
    /// <see cref="Can(string, string)"/> may answer "implicitly denied" without evaluating when no Allow
    /// statement names the action, even where a Deny would also apply.
    /// </summary>
    public EvaluationResult Explain(string action, string resource = "*", PolicyInput? resourcePolicy = null, ContextKeys? context = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        return Evaluate(action, resource, resourcePolicy, context);
    }

    /// <summary>False when no Allow statement names the action, so <see cref="Can(string, string)"/> can only deny.</summary>
    internal bool MayAllow(string lowerCaseAction) => Identity.MayAllow(lowerCaseAction);

    /// <summary>The same principal without SCPs (to tell "denied by an SCP" from "not allowed at all").</summary>
    public PrincipalAccess WithoutServiceControlPolicies() =>
        ServiceControlPolicies is null ? this : new PrincipalAccess(Identity, null, _scope);

    private EvaluationResult Evaluate(string action, string resource, PolicyInput? resourcePolicy, ContextKeys? context)
    {
        Evaluations++;
        return PolicyEvaluator.Evaluate(new EvaluationRequest
        {
            Principal = Identity.Principal,
            Action = action,
            Resource = resource,
            Context = AccessOptions.Merge(_scope.Context, context),
            MissingKeys = _scope.MissingKeys,
            RequestTime = _scope.RequestTime,
            IdentityPolicies = Identity.IdentityPolicies,
            PermissionsBoundary = Identity.PermissionsBoundary,
            ResourcePolicy = resourcePolicy ?? _scope.ResourcePolicyOf?.Invoke(action, resource),
            ServiceControlPolicies = ServiceControlPolicies,
            PrincipalInManagementAccount = _scope.PrincipalInManagementAccount,
        });
    }

    /// <summary>What the evaluator would answer when no Allow statement names the action, without running it.</summary>
    private EvaluationResult NothingAllows(string action, string resource)
    {
        // Worded on first read, like the evaluator's own results: scans discard most of these unread.
        return new EvaluationResult
        {
            Kind = DecisionKind.ImplicitDeny,
            Principal = Identity.Principal.ToString(),
            Action = action,
            Resource = resource,
            Wording = () =>
            {
                var reason = $"no identity-based policy allows {action} on {resource}";
                return ($"Implicitly denied: {reason}.", [$"Identity-based policies: {reason}."]);
            },
        };
    }

    private sealed class MemoKeyComparer : IEqualityComparer<(string Action, string Resource)>
    {
        public static readonly MemoKeyComparer Instance = new();

        // Actions are case-insensitive in IAM; resource ARNs are not.
        public bool Equals((string Action, string Resource) x, (string Action, string Resource) y) =>
            string.Equals(x.Action, y.Action, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Resource, y.Resource, StringComparison.Ordinal);

        public int GetHashCode((string Action, string Resource) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Action), StringComparer.Ordinal.GetHashCode(key.Resource));
    }
}

/// <summary>The request facts shared by every principal of one account run.</summary>
internal sealed record AccessScope(ContextKeys Context, MissingContextKeys MissingKeys, DateTimeOffset? RequestTime, bool PrincipalInManagementAccount)
{
    /// <summary>The resource-based policy the account knows for (action, resource), e.g. a role's trust policy.</summary>
    public Func<string, string, PolicyInput?>? ResourcePolicyOf { get; init; }
}
