using Dashboard.StandIn.Data;

namespace Dashboard.StandIn.Organizations;

/// <summary>An OU of the stand-in's organization.</summary>
internal sealed record TreeUnit(string Id, string Name, string ParentId);

/// <summary>An account with the attributes ListAccounts returns.</summary>
internal sealed record TreeAccount(string Id, string Name, string Email, string Status, string JoinedMethod, DateTimeOffset Joined, string ParentId);

/// <summary>An SCP or RCP with its content (a JSON document as text, as DescribePolicy returns it).</summary>
internal sealed record TreePolicy(string Id, string Name, string Description, string Type, bool AwsManaged, string Content);

/// <summary>
/// The organization the stand-in's Organizations API serves: one root, the OU tree, the accounts, the
/// policies and their attachments. Built by <see cref="GeneratedOrganization"/> from the generated accounts,
/// or by <see cref="OrganizationFile"/> from the offline organization file format.
/// </summary>
internal sealed class OrganizationTree
{
    /// <summary>The value of <c>organizationFile</c> that selects the embedded AWS documentation example.</summary>
    public const string AwsExample = "aws-example";

    private readonly Dictionary<string, TreeUnit> unitsById;
    private readonly Dictionary<string, TreeAccount> accountsById;
    private readonly Dictionary<string, TreePolicy> policiesById;
    private readonly Dictionary<string, List<TreeUnit>> unitsByParent;
    private readonly Dictionary<string, List<TreeAccount>> accountsByParent;
    private readonly Dictionary<string, IReadOnlyList<string>> attachments;

    public OrganizationTree(
        string id,
        string featureSet,
        string managementAccountId,
        string rootId,
        string rootName,
        IReadOnlyList<string> enabledPolicyTypes,
        IReadOnlyList<TreeUnit> units,
        IReadOnlyList<TreeAccount> accounts,
        IReadOnlyList<TreePolicy> policies,
        IReadOnlyDictionary<string, IReadOnlyList<string>> attachments,
        IEnumerable<string>? delegatedAdministrators = null)
    {
        Id = id;
        FeatureSet = featureSet;
        ManagementAccountId = managementAccountId;
        RootId = rootId;
        RootName = rootName;
        EnabledPolicyTypes = enabledPolicyTypes;
        Units = units;
        Accounts = accounts;
        Policies = policies;
        unitsById = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        accountsById = accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        policiesById = policies.ToDictionary(p => p.Id, StringComparer.Ordinal);
        unitsByParent = units.GroupBy(u => u.ParentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        accountsByParent = accounts.GroupBy(a => a.ParentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        this.attachments = attachments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        DelegatedAdministrators = new HashSet<string>(delegatedAdministrators ?? [], StringComparer.Ordinal);
        ManagementAccountEmail = accountsById.TryGetValue(managementAccountId, out var management) ? management.Email : $"aws+{managementAccountId}@example.com";
    }

    public string Id { get; }

    public string FeatureSet { get; }

    public string ManagementAccountId { get; }

    public string ManagementAccountEmail { get; }

    public string RootId { get; }

    public string RootName { get; }

    public IReadOnlyList<string> EnabledPolicyTypes { get; }

    public IReadOnlyList<TreeUnit> Units { get; }

    public IReadOnlyList<TreeAccount> Accounts { get; }

    public IReadOnlyList<TreePolicy> Policies { get; }

    /// <summary>Member accounts registered as delegated administrators for Organizations (they may call the List APIs).</summary>
    public IReadOnlySet<string> DelegatedAdministrators { get; }

    /// <summary>
    /// The tree to serve: generated from the stand-in's accounts when <paramref name="organizationFile"/> is
    /// empty, the embedded AWS example for <see cref="AwsExample"/>, else the organization file at that path.
    /// </summary>
    public static OrganizationTree For(string? organizationFile, StandInOrganization generated, int seed)
    {
        ArgumentNullException.ThrowIfNull(generated);
        if (string.IsNullOrWhiteSpace(organizationFile)) return GeneratedOrganization.Build(generated, seed);
        if (organizationFile == AwsExample) return OrganizationFile.LoadAwsExample();
        if (!File.Exists(organizationFile)) throw new ArgumentException($"The organization file '{organizationFile}' does not exist.", nameof(organizationFile));
        return OrganizationFile.Load(File.ReadAllText(organizationFile), organizationFile);
    }

    public bool IsParent(string id) => id == RootId || unitsById.ContainsKey(id);

    public bool IsTarget(string id) => IsParent(id) || accountsById.ContainsKey(id);

    public bool ContainsAccount(string accountId) => accountsById.ContainsKey(accountId);

    public TreeAccount? Account(string accountId) => accountsById.GetValueOrDefault(accountId);

    public TreePolicy? Policy(string policyId) => policiesById.GetValueOrDefault(policyId);

    public IReadOnlyList<TreeUnit> ChildUnits(string parentId) => unitsByParent.TryGetValue(parentId, out var units) ? units : [];

    public IReadOnlyList<TreeAccount> ChildAccounts(string parentId) => accountsByParent.TryGetValue(parentId, out var accounts) ? accounts : [];

    /// <summary>The policies of a type attached directly to a root, OU or account.</summary>
    public IReadOnlyList<TreePolicy> PoliciesFor(string targetId, string type) =>
        attachments.TryGetValue(targetId, out var ids) ? [.. ids.Select(id => policiesById[id]).Where(p => p.Type == type)] : [];

    /// <summary>The OU path Organizations reports: "o-…/r-…/ou-…/ou-…/" down to and including the OU.</summary>
    public string PathOf(string parentId)
    {
        var parts = new List<string>();
        for (var id = parentId; unitsById.TryGetValue(id, out var unit); id = unit.ParentId) parts.Add(unit.Id);
        parts.Add(RootId);
        parts.Add(Id);
        parts.Reverse();
        return string.Join('/', parts) + "/";
    }

    public string OrganizationArn => $"arn:aws:organizations::{ManagementAccountId}:organization/{Id}";

    public string RootArn => $"arn:aws:organizations::{ManagementAccountId}:root/{Id}/{RootId}";

    public string UnitArn(string unitId) => $"arn:aws:organizations::{ManagementAccountId}:ou/{Id}/{unitId}";

    public string AccountArn(string accountId) => $"arn:aws:organizations::{ManagementAccountId}:account/{Id}/{accountId}";

    /// <summary>AWS managed policies live under the "aws" pseudo-account without the organization id.</summary>
    public string PolicyArn(TreePolicy policy) => policy.AwsManaged
        ? $"arn:aws:organizations::aws:policy/{policy.Type.ToLowerInvariant()}/{policy.Id}"
        : $"arn:aws:organizations::{ManagementAccountId}:policy/{Id}/{policy.Type.ToLowerInvariant()}/{policy.Id}";
}
