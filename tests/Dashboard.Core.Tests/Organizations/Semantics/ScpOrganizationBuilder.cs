using Dashboard.Core.Organizations;

namespace Dashboard.Core.Tests.Organizations;

/// <summary>
/// Builds small organizations for SCP semantics and guardrail tests: OUs and accounts with the SCPs
/// attached at each, nothing implicit (attach FullAWSAccess where the scenario has it, as AWS does by default).
/// </summary>
internal sealed class ScpOrganizationBuilder
{
    public const string OrgId = "o-semantics01";
    public const string RootId = "r-sem1";
    public const string Management = "111111111111";
    public const string FullAccess = "p-FullAWSAccess";

    public const string FullAccessContent = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    private readonly List<OrganizationalUnit> _units = [];
    private readonly List<OrganizationAccount> _accounts = [];
    private readonly Dictionary<string, OrganizationPolicy> _policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _attachments = new(StringComparer.Ordinal);
    private readonly List<string> _enabledTypes = [OrganizationPolicyTypes.ServiceControlPolicy];

    public ScpOrganizationBuilder(params string[] rootPolicies)
    {
        Policy(FullAccess, "FullAWSAccess", FullAccessContent);
        _attachments[RootId] = rootPolicies.Length == 0 ? [FullAccess] : rootPolicies;
        Account(Management, "management", RootId, FullAccess);
    }

    /// <summary>The text of a real SCP under shared/data/scp, e.g. "awsdocs-organizations/orgs_manage_policies_scps_examples_general-06.json".</summary>
    public static string RealScp(string relativePath) =>
        File.ReadAllText(Path.Combine(SharedData.Root, "data", "scp", relativePath.Replace('/', Path.DirectorySeparatorChar)));

    public ScpOrganizationBuilder Policy(string id, string name, string content)
    {
        _policies[id] = new OrganizationPolicy(id, name, OrganizationPolicyTypes.ServiceControlPolicy, id == FullAccess, content);
        return this;
    }

    /// <summary>Adds an OU, or re-declares one (same id) with other policies, keeping its place in the tree.</summary>
    public ScpOrganizationBuilder Unit(string id, string name, string parentId, params string[] policies)
    {
        var unit = new OrganizationalUnit(id, name, parentId);
        var existing = _units.FindIndex(u => u.Id == id);
        if (existing >= 0) _units[existing] = unit;
        else _units.Add(unit);
        _attachments[id] = policies;
        return this;
    }

    public ScpOrganizationBuilder Account(string id, string name, string parentId, params string[] policies)
    {
        _accounts.Add(new OrganizationAccount(id, name, $"{name}@example.com", OrganizationAccount.ActiveStatus, parentId));
        _attachments[id] = policies;
        return this;
    }

    public ScpOrganizationBuilder WithoutScps()
    {
        _enabledTypes.Clear();
        return this;
    }

    public OrganizationSnapshot Build() => OrganizationSnapshot.Create(
        new OrganizationDetails(OrgId, Management, "management@example.com", OrganizationDetails.AllFeatures),
        new OrganizationRoot(RootId, "Root") { EnabledPolicyTypes = [.. _enabledTypes] },
        _units,
        _accounts,
        _policies.Values,
        _attachments);
}
