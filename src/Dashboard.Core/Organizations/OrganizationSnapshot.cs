using System.Collections.Concurrent;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Organizations;

/// <summary>
/// One organization as read at one moment: the organization, its root, the OU tree, the accounts, the
/// policies (with raw content) and where each policy is attached. Built by the Organizations collector or
/// the org file reader; <see cref="Create"/> refuses data that does not hold together (unknown parents,
/// cycles, attachments to unknown targets or policies), naming every problem.
/// </summary>
public sealed class OrganizationSnapshot
{
    private static readonly IReadOnlyList<string> None = [];

    private readonly Dictionary<string, OrganizationalUnit> _units;
    private readonly Dictionary<string, OrganizationAccount> _accounts;
    private readonly Dictionary<string, OrganizationPolicy> _policies;
    private readonly Dictionary<string, List<OrganizationalUnit>> _childUnits;
    private readonly Dictionary<string, List<OrganizationAccount>> _childAccounts;
    private readonly Dictionary<string, List<string>> _targetsByPolicy;
    private readonly ConcurrentDictionary<string, PolicyInput> _parsed = new(StringComparer.Ordinal);

    private OrganizationSnapshot(
        OrganizationDetails organization,
        OrganizationRoot root,
        List<OrganizationalUnit> units,
        List<OrganizationAccount> accounts,
        List<OrganizationPolicy> policies,
        Dictionary<string, IReadOnlyList<string>> attachments)
    {
        Organization = organization;
        Root = root;
        Accounts = accounts;
        Policies = policies;
        Attachments = attachments;
        _units = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        _accounts = accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _policies = policies.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _childUnits = units.GroupBy(u => u.ParentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _childAccounts = accounts.GroupBy(a => a.ParentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _targetsByPolicy = attachments
            .SelectMany(a => a.Value.Select(policyId => (PolicyId: policyId, Target: a.Key)))
            .GroupBy(x => x.PolicyId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Target).ToList(), StringComparer.Ordinal);
        OrganizationalUnits = [.. TreeOrder(root.Id)];
    }

    public OrganizationDetails Organization { get; }

    public OrganizationRoot Root { get; }

    /// <summary>Every OU, parents before children (depth first from the root, siblings in the order given).</summary>
    public IReadOnlyList<OrganizationalUnit> OrganizationalUnits { get; }

    public IReadOnlyList<OrganizationAccount> Accounts { get; }

    public IReadOnlyList<OrganizationPolicy> Policies { get; }

    /// <summary>Target id (root, OU or account) → the ids of the policies attached directly to it, of every type.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attachments { get; }

    public string ManagementAccountId => Organization.ManagementAccountId;

    /// <summary>The ACTIVE accounts (suspended and closing ones are skipped).</summary>
    public IReadOnlyList<OrganizationAccount> ActiveAccounts => [.. Accounts.Where(a => a.IsActive)];

    /// <summary>
    /// Validates and builds a snapshot. Throws <see cref="InvalidOrganizationException"/> listing every
    /// problem (duplicate ids, unknown parents, OU cycles, attachments to unknown targets or policies).
    /// </summary>
    public static OrganizationSnapshot Create(
        OrganizationDetails organization,
        OrganizationRoot root,
        IEnumerable<OrganizationalUnit> organizationalUnits,
        IEnumerable<OrganizationAccount> accounts,
        IEnumerable<OrganizationPolicy> policies,
        IReadOnlyDictionary<string, IReadOnlyList<string>> attachments,
        string source = "The organization")
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(organizationalUnits);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(attachments);

        var units = organizationalUnits.ToList();
        var accountList = accounts.ToList();
        var policyList = policies.ToList();
        var problems = new List<string>();
        var targets = new HashSet<string>(StringComparer.Ordinal) { root.Id };
        foreach (var unit in units)
        {
            if (!targets.Add(unit.Id)) problems.Add($"OU id {unit.Id} appears more than once.");
        }

        foreach (var account in accountList)
        {
            if (!targets.Add(account.Id)) problems.Add($"account id {account.Id} appears more than once.");
        }

        var unitIds = units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var unit in units.Where(u => u.ParentId != root.Id && !unitIds.Contains(u.ParentId)))
        {
            problems.Add($"OU '{unit.Name}' ({unit.Id}) has parent {unit.ParentId}, which is neither the root nor an OU.");
        }

        foreach (var account in accountList.Where(a => a.ParentId != root.Id && !unitIds.Contains(a.ParentId)))
        {
            problems.Add($"account {account.Id} has parent {account.ParentId}, which is neither the root nor an OU.");
        }

        problems.AddRange(FindCycles(units, root.Id));

        var policyIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in policyList)
        {
            if (!policyIds.Add(policy.Id)) problems.Add($"policy id {policy.Id} appears more than once.");
        }

        var cleanAttachments = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (target, attached) in attachments)
        {
            if (!targets.Contains(target)) problems.Add($"policies are attached to {target}, which is not the root, an OU or an account.");
            foreach (var policyId in attached.Where(p => !policyIds.Contains(p)))
            {
                problems.Add($"{target} has policy {policyId} attached, which is not among the policies.");
            }

            cleanAttachments[target] = [.. attached.Distinct(StringComparer.Ordinal)];
        }

        if (!accountList.Exists(a => a.Id == organization.ManagementAccountId))
        {
            problems.Add($"the management account {organization.ManagementAccountId} is not among the accounts.");
        }

        if (problems.Count > 0) throw new InvalidOrganizationException(source, problems);
        return new OrganizationSnapshot(organization, root, units, accountList, policyList, cleanAttachments);
    }

    public bool IsManagementAccount(string accountId) => string.Equals(accountId, ManagementAccountId, StringComparison.Ordinal);

    public bool IsPolicyTypeEnabled(string policyType) => Root.EnabledPolicyTypes.Contains(policyType, StringComparer.Ordinal);

    public OrganizationAccount? FindAccount(string accountId) => _accounts.GetValueOrDefault(accountId);

    public OrganizationalUnit? FindOrganizationalUnit(string id) => _units.GetValueOrDefault(id);

    public OrganizationPolicy? FindPolicy(string policyId) => _policies.GetValueOrDefault(policyId);

    /// <summary>True for the root's id, an OU's or an account's.</summary>
    public bool IsTarget(string id) => id == Root.Id || _units.ContainsKey(id) || _accounts.ContainsKey(id);

    public IReadOnlyList<OrganizationalUnit> ChildOrganizationalUnits(string parentId) =>
        _childUnits.TryGetValue(parentId, out var units) ? units : [];

    public IReadOnlyList<OrganizationAccount> AccountsIn(string parentId) =>
        _childAccounts.TryGetValue(parentId, out var accounts) ? accounts : [];

    /// <summary>The ids from the root down to <paramref name="targetId"/> (inclusive): root, OUs, then the OU or account.</summary>
    public IReadOnlyList<string> PathTo(string targetId)
    {
        if (!IsTarget(targetId)) throw new ArgumentException($"{targetId} is not the root, an OU or an account of {Organization.Id}.", nameof(targetId));
        var path = new List<string> { targetId };
        var parent = _accounts.TryGetValue(targetId, out var account) ? account.ParentId
            : _units.TryGetValue(targetId, out var unit) ? unit.ParentId
            : null;
        while (parent is not null)
        {
            path.Add(parent);
            parent = _units.TryGetValue(parent, out var up) ? up.ParentId : null;
        }

        path.Reverse();
        return path;
    }

    /// <summary>The policies attached directly to a target, optionally of one type, in attachment order.</summary>
    public IReadOnlyList<OrganizationPolicy> PoliciesAttachedTo(string targetId, string? policyType = null) =>
        [.. (Attachments.TryGetValue(targetId, out var ids) ? ids : None)
            .Select(id => _policies[id])
            .Where(p => policyType is null || p.Type == policyType)];

    /// <summary>The roots, OUs and accounts a policy is attached to directly.</summary>
    public IReadOnlyList<string> TargetsOf(string policyId) =>
        _targetsByPolicy.TryGetValue(policyId, out var targets) ? targets : None;

    /// <summary>The policy parsed for the evaluator (once per snapshot); a parse failure stays inside the result.</summary>
    public PolicyInput ParsedPolicy(string policyId)
    {
        var policy = FindPolicy(policyId) ?? throw new ArgumentException($"{policyId} is not a policy of {Organization.Id}.", nameof(policyId));
        return _parsed.GetOrAdd(policyId, _ => PolicyInput.FromJson(policy.Name, policy.Content));
    }

    /// <summary>Every SCP or RCP whose content cannot be parsed, with the reason and where it is attached.</summary>
    public IReadOnlyList<OrganizationPolicyProblem> PolicyProblems() =>
    [
        .. Policies
            .Where(p => p.Type is OrganizationPolicyTypes.ServiceControlPolicy or OrganizationPolicyTypes.ResourceControlPolicy)
            .Select(p => (Policy: p, Parsed: ParsedPolicy(p.Id).Parsed))
            .Where(x => !x.Parsed.IsSuccess)
            .Select(x => new OrganizationPolicyProblem(x.Policy.Id, x.Policy.Name, x.Policy.Type, x.Parsed.Error!, TargetsOf(x.Policy.Id))),
    ];

    /// <summary>The accounts a sync should visit: ACTIVE ones only, the management account marked.</summary>
    public IReadOnlyList<DiscoveredAccount> DiscoverAccounts() =>
        [.. ActiveAccounts.Select(a => new DiscoveredAccount(a.Id, a.Name, a.Email, IsManagementAccount(a.Id)))];

    private IEnumerable<OrganizationalUnit> TreeOrder(string parentId)
    {
        foreach (var unit in ChildOrganizationalUnits(parentId))
        {
            yield return unit;
            foreach (var child in TreeOrder(unit.Id)) yield return child;
        }
    }

    private static IEnumerable<string> FindCycles(List<OrganizationalUnit> units, string rootId)
    {
        var parentOf = units.GroupBy(u => u.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().ParentId, StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
            var parent = unit.ParentId;
            while (parent != rootId && parentOf.TryGetValue(parent, out var next))
            {
                if (!seen.Add(parent))
                {
                    if (reported.Add(parent)) yield return $"OU {parent} is its own ancestor (a cycle in the OU tree).";
                    break;
                }

                parent = next;
            }
        }
    }
}
