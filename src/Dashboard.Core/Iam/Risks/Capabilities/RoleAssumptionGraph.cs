using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Risks.Capabilities;

/// <summary>One role a principal can assume, with the decision (trust policy and the caller's own policies).</summary>
public sealed record RoleEdge(IamRole Role, EvaluationResult Result);

/// <summary>A sequence of role assumptions ending at an administrator role.</summary>
public sealed record RoleChain(IReadOnlyList<RoleEdge> Hops)
{
    public DecisionKind Decision => Hops.All(h => h.Result.Kind == DecisionKind.Allowed) ? DecisionKind.Allowed : DecisionKind.ConditionallyAllowed;

    public string Path(string start) => string.Join(" → ", new[] { start }.Concat(Hops.Select(h => h.Role.RoleName)));
}

/// <summary>
/// Which roles of the account each principal can assume, evaluated with each role's trust policy as the
/// resource policy (within one account a trust policy naming the caller is enough on its own; one naming
/// the account defers to the caller's identity policies). Trust policies are indexed once per account so
/// a principal is only evaluated against roles that name it or trust the whole account. Edges of roles
/// and the administrator status of roles are cached for the account run (bounded by the number of roles).
/// One graph per SCP chain: the account's chain, or none (what the principals' own policies allow).
/// </summary>
internal sealed class RoleAssumptionGraph
{
    private readonly AccountRiskContext _account;
    private readonly IReadOnlyList<OrganizationPolicyLevel>? _scps;
    private readonly Dictionary<string, List<IamRole>> _namedBy = new(StringComparer.Ordinal);
    private readonly List<IamRole> _open = [];
    private readonly Dictionary<string, PolicyInput> _trust = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<RoleEdge>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _admin = new(StringComparer.Ordinal);

    public RoleAssumptionGraph(AccountRiskContext account, IReadOnlyList<OrganizationPolicyLevel>? serviceControlPolicies)
    {
        _account = account;
        _scps = serviceControlPolicies;
        var rootArn = $"arn:{account.Partition}:iam::{account.AccountId}:root";
        foreach (var role in account.Snapshot.Roles)
        {
            if (role.IsServiceLinked || TrustEvaluation.TrustPolicyOf(role) is not { } trust || !trust.Parsed.IsSuccess)
            {
                continue;
            }

            _trust[role.Arn] = trust;
            var open = false;
            foreach (var statement in trust.Parsed.Policy.Statements.Where(s => s.Effect == PolicyEffect.Allow && s.Principals is not null))
            {
                var principals = statement.Principals!;
                if (principals.IsNegated || principals.IsWildcard)
                {
                    open = true;
                    continue;
                }

                foreach (var arn in principals.Aws)
                {
                    if (arn == "*" || string.Equals(arn, rootArn, StringComparison.Ordinal))
                    {
                        open = true;
                    }
                    else
                    {
                        if (!_namedBy.TryGetValue(arn, out var list))
                        {
                            _namedBy[arn] = list = [];
                        }

                        list.Add(role);
                    }
                }
            }

            if (open)
            {
                _open.Add(role);
            }
        }
    }

    /// <summary>The shortest chain (up to <paramref name="maxHops"/> roles) from the principal to an administrator role, if any.</summary>
    public RoleChain? PathToAdmin(PrincipalAccess start, int maxHops)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { start.Identity.Arn };
        var frontier = new List<List<RoleEdge>>();
        foreach (var edge in EdgesOf(start))
        {
            if (visited.Add(edge.Role.Arn))
            {
                frontier.Add([edge]);
            }
        }

        for (var depth = 1; depth <= maxHops && frontier.Count > 0; depth++)
        {
            foreach (var path in frontier)
            {
                if (IsAdmin(path[^1].Role))
                {
                    return new RoleChain(path);
                }
            }

            if (depth == maxHops)
            {
                break;
            }

            var next = new List<List<RoleEdge>>();
            foreach (var path in frontier)
            {
                foreach (var edge in CachedEdgesOf(path[^1].Role))
                {
                    if (visited.Add(edge.Role.Arn))
                    {
                        next.Add([.. path, edge]);
                    }
                }
            }

            frontier = next;
        }

        return null;
    }

    /// <summary>Roles the principal can assume (allowed or conditionally).</summary>
    public IReadOnlyList<RoleEdge> EdgesOf(PrincipalAccess from)
    {
        var candidates = new List<IamRole>();
        if (_namedBy.TryGetValue(from.Identity.Arn, out var named))
        {
            candidates.AddRange(named);
        }

        // A role trusting the whole account needs the caller's identity policies to allow sts:AssumeRole.
        if (from.Identity.MayAllow("sts:assumerole"))
        {
            candidates.AddRange(_open);
        }

        var edges = new List<RoleEdge>();
        foreach (var role in candidates.Distinct())
        {
            if (string.Equals(role.Arn, from.Identity.Arn, StringComparison.Ordinal))
            {
                continue;
            }

            var result = from.Explain("sts:AssumeRole", role.Arn, _trust[role.Arn]);
            if (result.Kind is DecisionKind.Allowed or DecisionKind.ConditionallyAllowed)
            {
                edges.Add(new RoleEdge(role, result));
            }
        }

        return edges;
    }

    /// <summary>The trust policy a chain's hop was evaluated with (every role in a chain has a readable one).</summary>
    public PolicyInput TrustPolicyOf(IamRole role) => _trust[role.Arn];

    public bool IsAdmin(IamRole role)
    {
        if (!_admin.TryGetValue(role.Arn, out var admin))
        {
            _admin[role.Arn] = admin = _account.Access.Identities.TryForRole(role, out _) is { } identity
                && AdminEquivalence.Assess(_account.Access.For(identity, _scps)).IsAdmin;
        }

        return admin;
    }

    private IReadOnlyList<RoleEdge> CachedEdgesOf(IamRole role)
    {
        if (!_edges.TryGetValue(role.Arn, out var edges))
        {
            _edges[role.Arn] = edges = _account.Access.Identities.TryForRole(role, out _) is { } identity
                ? EdgesOf(_account.Access.For(identity, _scps))
                : [];
        }

        return edges;
    }
}
