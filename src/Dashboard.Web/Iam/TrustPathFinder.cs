using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Organizations;

namespace Dashboard.Web.Iam;

/// <summary>
/// Turns cross-account trust edges into real paths: for each trusted account that is cached, which of its
/// users and roles can perform sts:AssumeRole on the role, evaluating their identity policies, their
/// account's SCPs and the role's trust policy together (a cross-account request needs both sides to allow).
/// Reads one trusted account's snapshot at a time and spends at most <see cref="MaxEvaluations"/> principal
/// checks per page; edges past that say so.
/// </summary>
public static class TrustPathFinder
{
    public const int MaxListed = 10;
    public const int MaxEvaluations = 20_000;
    private const string AssumeRole = "sts:AssumeRole";

    public static async Task<TrustViewModel> AddPathsAsync(
        TrustViewModel view,
        IReadOnlyList<string> cachedAccounts,
        IIamDataSource iam,
        OrganizationSnapshot? organization,
        DateTimeOffset now,
        CancellationToken ct = default,
        int maxEvaluations = MaxEvaluations)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(cachedAccounts);
        ArgumentNullException.ThrowIfNull(iam);
        var cached = new HashSet<string>(cachedAccounts, StringComparer.Ordinal);
        var targets = view.Edges.Select(e => TrustedAccounts(e, cachedAccounts)).ToList();
        var rolesByAccount = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < targets.Count; i++)
        {
            foreach (var account in targets[i] ?? [])
            {
                if (!cached.Contains(account) || !view.TrustPolicies.ContainsKey(view.Edges[i].RoleArn)) continue;
                if (!rolesByAccount.TryGetValue(account, out var roles)) rolesByAccount[account] = roles = new SortedSet<string>(StringComparer.Ordinal);
                roles.Add(view.Edges[i].RoleArn);
            }
        }

        if (targets.All(t => t is null)) return view;
        var checks = new Dictionary<(string Account, string RoleArn), List<TrustPathPrincipal>?>();
        var budget = maxEvaluations;
        foreach (var (account, roles) in rolesByAccount)
        {
            // One snapshot at a time: its principals are dropped before the next account is read.
            var snapshot = await iam.GetSnapshotAsync(account, ct);
            if (snapshot is null)
            {
                cached.Remove(account);
                continue;
            }

            var access = new IamAccountAccess(snapshot, PrincipalDetailViewModel.AccessOptionsFor(account, organization, now));
            var scps = PrincipalDetailViewModel.ScpChain(account, organization);
            // The root user cannot assume roles; users and roles can.
            var identities = access.Principals(includeRoot: false).ToList();
            foreach (var roleArn in roles)
            {
                if (budget < identities.Count)
                {
                    checks[(account, roleArn)] = null;
                    continue;
                }

                budget -= identities.Count;
                checks[(account, roleArn)] = Check(access, identities, scps, roleArn, view.TrustPolicies[roleArn], account);
            }
        }

        return view.WithEdges([.. view.Edges.Select((e, i) => targets[i] is { } accounts ? e with { Paths = PathsOf(e, accounts, cached, checks) } : e)]);
    }

    /// <summary>The accounts whose principals an edge lets in: its account, or for "anybody" every other cached account; null when it names no IAM principals.</summary>
    public static IReadOnlyList<string>? TrustedAccounts(TrustEdge edge, IReadOnlyList<string> cachedAccounts)
    {
        ArgumentNullException.ThrowIfNull(edge);
        if (!edge.IsCrossAccount) return null;
        if (edge.PrincipalKind == TrustPrincipalKind.Everyone || edge.AllExcept)
        {
            return [.. cachedAccounts.Where(a => a != edge.RoleAccountId).Order(StringComparer.Ordinal)];
        }

        return edge.PrincipalKind is TrustPrincipalKind.Account or TrustPrincipalKind.Role or TrustPrincipalKind.User or TrustPrincipalKind.AssumedRole
            && edge.PrincipalAccount is { } account && account != edge.RoleAccountId
            ? [account]
            : null;
    }

    private static List<TrustPathPrincipal> Check(
        IamAccountAccess access, List<EffectiveIdentity> identities, IReadOnlyList<OrganizationPolicyLevel>? scps, string roleArn, PolicyInput trust, string account)
    {
        var found = new List<TrustPathPrincipal>();
        foreach (var identity in identities)
        {
            var result = access.For(identity, scps).Explain(AssumeRole, roleArn, trust);
            var decision = AccessDecisionView.Labels.Decide(result);
            if (decision is not (AccessDecision.Allowed or AccessDecision.ConditionallyAllowed)) continue;
            found.Add(new TrustPathPrincipal(account, identity.Name, identity.Arn, identity.Role is not null ? "role" : "user", decision, result.Summary,
                IamLinks.Principal(account, identity.Arn)));
        }

        return found;
    }

    private static TrustPaths PathsOf(
        TrustEdge edge, IReadOnlyList<string> accounts, HashSet<string> cached, Dictionary<(string Account, string RoleArn), List<TrustPathPrincipal>?> checks)
    {
        var principals = new List<TrustPathPrincipal>();
        var checkedAccounts = new List<string>();
        var notCached = new List<string>();
        var overBudget = new List<string>();
        foreach (var account in accounts)
        {
            if (!cached.Contains(account) || !checks.TryGetValue((account, edge.RoleArn), out var found))
            {
                notCached.Add(account);
            }
            else if (found is null)
            {
                overBudget.Add(account);
            }
            else
            {
                checkedAccounts.Add(account);
                principals.AddRange(found.Where(p => Names(edge, p)));
            }
        }

        var ordered = principals
            .OrderBy(p => p.Decision == AccessDecision.Allowed ? 0 : 1)
            .ThenBy(p => p.AccountId, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var anybody = edge.PrincipalKind == TrustPrincipalKind.Everyone || edge.AllExcept;
        return new TrustPaths([.. ordered.Take(MaxListed)], ordered.Count, ordered.Count(p => p.Decision == AccessDecision.ConditionallyAllowed),
            checkedAccounts, notCached, overBudget, anybody);
    }

    /// <summary>
    /// Whether the edge itself lets this principal in: a whole account (or anybody) lets in all of its principals;
    /// a role, user or role session edge only that role or user (ARNs compared by name, as paths may differ).
    /// </summary>
    private static bool Names(TrustEdge edge, TrustPathPrincipal principal)
    {
        if (edge.PrincipalKind is TrustPrincipalKind.Everyone or TrustPrincipalKind.Account || edge.AllExcept) return true;
        var (kind, name) = edge.PrincipalKind switch
        {
            TrustPrincipalKind.Role => ("role", LastSegment(edge.Principal)),
            TrustPrincipalKind.User => ("user", LastSegment(edge.Principal)),
            // arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION: sessions of ROLE.
            TrustPrincipalKind.AssumedRole => ("role", edge.Principal.Split('/') is { Length: >= 2 } parts ? parts[1] : ""),
            _ => ("", ""),
        };
        return principal.Kind == kind && string.Equals(LastSegment(principal.Arn), name, StringComparison.Ordinal);
    }

    private static string LastSegment(string arn) => arn[(arn.LastIndexOf('/') + 1)..];
}
