using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Policies;
using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Summaries;

namespace Dashboard.Web.Iam;

public enum TrustPrincipalKind
{
    /// <summary><c>"Principal": "*"</c>: anybody, in any account (conditions may narrow it).</summary>
    Everyone,

    /// <summary>A whole account (<c>arn:aws:iam::ID:root</c> or a bare id): whoever that account's policies allow.</summary>
    Account,
    Role,
    User,
    AssumedRole,
    Service,
    Federated,
    CanonicalUser,
    Other,
}

/// <summary>
/// One "principal may assume role" edge, read from an Allow statement of the role's trust policy.
/// <see cref="PrincipalAccountName"/> and <see cref="RoleAccountName"/> are the accounts' names in the loaded organization, if any.
/// </summary>
public sealed record TrustEdge(
    string RoleAccountId,
    string RoleName,
    string RoleArn,
    string RoleHref,
    bool RoleIsServiceLinked,
    TrustPrincipalKind PrincipalKind,
    string Principal,
    string? PrincipalAccount,
    bool AllExcept,
    string Actions,
    string Statement,
    string? Conditions,
    bool IsCrossAccount,
    bool? IsOutsideOrganization,
    string? PrincipalAccountName = null,
    string? RoleAccountName = null,
    TrustPaths? Paths = null)
{
    /// <summary>Worth a highlight: another account (or anybody) can assume the role.</summary>
    public bool IsHighlighted => IsCrossAccount || IsOutsideOrganization == true;
}

/// <summary>A role whose trust policy cannot be read (its edges are unknown).</summary>
public sealed record TrustProblem(string RoleName, string RoleArn, string Error, string AccountId = "");

/// <summary>
/// Who can assume which role in one account, from the roles' trust policies: the principals each Allow
/// statement names (AWS accounts, roles, users, services, federated providers), with cross-account edges
/// flagged, and, when an organization is loaded, edges from accounts outside it.
/// </summary>
public sealed class TrustViewModel
{
    private TrustViewModel(
        string? accountId,
        IReadOnlyList<TrustEdge> edges,
        IReadOnlyList<TrustProblem> problems,
        bool organizationLoaded,
        int accountsCovered,
        IReadOnlyDictionary<string, PolicyInput> trustPolicies)
    {
        AccountId = accountId;
        Edges = edges;
        Problems = problems;
        OrganizationLoaded = organizationLoaded;
        AccountsCovered = accountsCovered;
        TrustPolicies = trustPolicies;
    }

    /// <summary>The account whose roles these are; null for the organization-wide view (<see cref="CrossAccount"/>).</summary>
    public string? AccountId { get; }

    public bool IsOrganizationWide => AccountId is null;

    /// <summary>How many accounts' roles were read.</summary>
    public int AccountsCovered { get; }

    /// <summary>Highlighted (cross-account) edges first, then by role name.</summary>
    public IReadOnlyList<TrustEdge> Edges { get; }

    public IReadOnlyList<TrustProblem> Problems { get; }

    public bool OrganizationLoaded { get; }

    public int CrossAccountCount => Edges.Count(e => e.IsCrossAccount);

    public int OutsideOrganizationCount => Edges.Count(e => e.IsOutsideOrganization == true);

    /// <summary>
    /// The parsed trust policies of the roles with a highlighted edge, by role ARN: kept so who in a trusted
    /// account can really assume the role is evaluated after the role's own snapshot is gone (<see cref="TrustPathFinder"/>).
    /// </summary>
    public IReadOnlyDictionary<string, PolicyInput> TrustPolicies { get; }

    /// <summary>The same view with its edges replaced (by edges carrying their <see cref="TrustEdge.Paths"/>).</summary>
    public TrustViewModel WithEdges(IReadOnlyList<TrustEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        return new TrustViewModel(AccountId, edges, Problems, OrganizationLoaded, AccountsCovered, TrustPolicies);
    }

    public static TrustViewModel Build(IamAccountSnapshot snapshot, OrganizationSnapshot? organization)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var orgAccounts = organization?.Accounts.DistinctBy(a => a.Id, StringComparer.Ordinal).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        var edges = new List<TrustEdge>();
        var problems = new List<TrustProblem>();
        var trustPolicies = new Dictionary<string, PolicyInput>(StringComparer.Ordinal);
        foreach (var role in snapshot.Roles)
        {
            if (role.TrustPolicy is null)
            {
                problems.Add(new TrustProblem(role.RoleName, role.Arn, "the snapshot does not hold this role's trust policy", snapshot.AccountId));
                continue;
            }

            var parsed = role.TrustPolicy.Parse();
            if (!parsed.IsSuccess)
            {
                problems.Add(new TrustProblem(role.RoleName, role.Arn, parsed.Error, snapshot.AccountId));
                continue;
            }

            var before = edges.Count;
            foreach (var statement in parsed.Policy.Statements.Where(s => s.Effect == PolicyEffect.Allow && s.Principals is not null))
            {
                edges.AddRange(EdgesOf(snapshot.AccountId, role, statement, orgAccounts));
            }

            if (edges.Skip(before).Any(e => e.IsHighlighted))
            {
                trustPolicies.TryAdd(role.Arn, new PolicyInput($"trust policy of role '{role.RoleName}'", parsed));
            }
        }

        var ordered = edges
            .OrderByDescending(e => e.IsHighlighted)
            .ThenBy(e => e.RoleName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.Principal, StringComparer.Ordinal)
            .ToList();
        return new TrustViewModel(snapshot.AccountId, ordered, problems, organization is not null, 1, trustPolicies);
    }

    /// <summary>
    /// The organization-wide view: every account's cross-account edges (another account, or anybody, may
    /// assume the role) and unreadable trust policies. Built from one account's view at a time, so the
    /// caller never holds every snapshot at once.
    /// </summary>
    public static TrustViewModel CrossAccount(IEnumerable<TrustViewModel> accounts, bool organizationLoaded)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var edges = new List<TrustEdge>();
        var problems = new List<TrustProblem>();
        var trustPolicies = new Dictionary<string, PolicyInput>(StringComparer.Ordinal);
        var covered = 0;
        foreach (var account in accounts)
        {
            covered++;
            edges.AddRange(account.Edges.Where(e => e.IsHighlighted));
            problems.AddRange(account.Problems);
            foreach (var (arn, policy) in account.TrustPolicies) trustPolicies.TryAdd(arn, policy);
        }

        var ordered = edges
            .OrderByDescending(e => e.IsOutsideOrganization == true)
            .ThenBy(e => e.RoleAccountId, StringComparer.Ordinal)
            .ThenBy(e => e.RoleName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.Principal, StringComparer.Ordinal)
            .ToList();
        return new TrustViewModel(null, ordered, problems, organizationLoaded, covered, trustPolicies);
    }

    /// <summary>The edges of one statement: one per principal it names (NotPrincipal reads as "everyone except").</summary>
    private static IEnumerable<TrustEdge> EdgesOf(string accountId, IamRole role, PolicyStatement statement, Dictionary<string, string>? orgAccounts)
    {
        var principals = statement.Principals!;
        var actions = statement.Actions.IsNegated ? "any action except " + string.Join(", ", statement.Actions.Values) : string.Join(", ", statement.Actions.Values);
        var conditions = statement.Conditions.Count == 0 ? null : string.Join(" and ", statement.Conditions.Select(ConditionWording.When));
        var href = IamLinks.Principal(accountId, role.Arn);

        TrustEdge Edge(TrustPrincipalKind kind, string principal, string? principalAccount)
        {
            var anybody = kind == TrustPrincipalKind.Everyone || principals.IsNegated;
            var cross = anybody || (principalAccount is not null && principalAccount != accountId);
            bool? outside = orgAccounts is null
                ? null
                : anybody || (principalAccount is not null && !orgAccounts.ContainsKey(principalAccount));
            var accountName = principalAccount is not null && orgAccounts is not null ? orgAccounts.GetValueOrDefault(principalAccount) : null;
            return new TrustEdge(accountId, role.RoleName, role.Arn, href, role.IsServiceLinked, kind, principal, principalAccount, principals.IsNegated,
                actions, $"statement {statement.Label}", conditions, cross, outside, accountName, orgAccounts?.GetValueOrDefault(accountId));
        }

        if (principals.IsWildcard)
        {
            yield return Edge(TrustPrincipalKind.Everyone, "*", null);
        }

        foreach (var arn in principals.Aws.Where(a => a != "*"))
        {
            yield return Edge(KindOf(arn), arn, AccountOf(arn));
        }

        foreach (var service in principals.Service)
        {
            yield return Edge(TrustPrincipalKind.Service, service, null);
        }

        foreach (var provider in principals.Federated)
        {
            // A SAML or OIDC provider created in an account is named by an ARN with that account;
            // public OIDC providers (cognito-identity.amazonaws.com, accounts.google.com) have none.
            yield return Edge(TrustPrincipalKind.Federated, provider, AccountOf(provider));
        }

        foreach (var canonical in principals.CanonicalUser)
        {
            yield return Edge(TrustPrincipalKind.CanonicalUser, canonical, null);
        }
    }

    private static TrustPrincipalKind KindOf(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn") return TrustPrincipalKind.Other;
        var resource = parts[5];
        if (parts[2] == "iam" && resource == "root") return TrustPrincipalKind.Account;
        if (parts[2] == "iam" && resource.StartsWith("role/", StringComparison.Ordinal)) return TrustPrincipalKind.Role;
        if (parts[2] == "iam" && resource.StartsWith("user/", StringComparison.Ordinal)) return TrustPrincipalKind.User;
        if (parts[2] == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal)) return TrustPrincipalKind.AssumedRole;
        return TrustPrincipalKind.Other;
    }

    private static string? AccountOf(string arn)
    {
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit) ? parts[4] : null;
    }

    public static string KindLabel(TrustPrincipalKind kind) => kind switch
    {
        TrustPrincipalKind.Everyone => "Anyone",
        TrustPrincipalKind.AssumedRole => "Role session",
        TrustPrincipalKind.CanonicalUser => "Canonical user",
        _ => kind.ToString(),
    };
}
