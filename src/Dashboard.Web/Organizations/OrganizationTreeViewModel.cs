using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Guardrails;

namespace Dashboard.Web.Organizations;

/// <summary>An SCP attached at a node, linking to the SCP library.</summary>
public sealed record ScpBadge(string PolicyId, string Name, bool AwsManaged, bool IsReadable, string Href);

/// <summary>Guardrail coverage of a node's accounts, counted in cells (accounts × guardrails).</summary>
public sealed record CoverageView(GuardrailCounts Counts, string Text, string Href)
{
    public bool HasGaps => Counts.NotProtected > 0 || Counts.Uncertain > 0;
}

/// <summary>The root, an OU or an account in the tree.</summary>
public sealed record OrgTreeNode(
    string Id,
    OrganizationTargetKind Kind,
    string Name,
    string? Status,
    bool IsManagement,
    bool IsInactive,
    IReadOnlyList<ScpBadge> Scps,
    CoverageView? Coverage,
    string Href,
    IReadOnlyList<OrgTreeNode> Children);

/// <summary>An SCP or RCP that cannot be evaluated, where it is attached, and why.</summary>
public sealed record PolicyProblemView(string PolicyId, string PolicyName, string Type, string Error, IReadOnlyList<string> AttachedTo, string Href);

/// <summary>The organization page: the tree with SCP badges and guardrail coverage per node, and the policy problems.</summary>
public sealed class OrganizationTreeViewModel
{
    private OrganizationTreeViewModel(OrganizationSnapshot snapshot, OrgTreeNode root, IReadOnlyList<PolicyProblemView> problems, string? matrixError)
    {
        Snapshot = snapshot;
        Root = root;
        Problems = problems;
        MatrixError = matrixError;
    }

    public OrganizationSnapshot Snapshot { get; }

    public string OrganizationId => Snapshot.Organization.Id;

    public string ManagementAccountId => Snapshot.ManagementAccountId;

    public string FeatureSet => Snapshot.Organization.FeatureSet;

    public bool ScpsEnabled => Snapshot.IsPolicyTypeEnabled(OrganizationPolicyTypes.ServiceControlPolicy);

    public int AccountCount => Snapshot.Accounts.Count;

    public int ActiveAccountCount => Snapshot.ActiveAccounts.Count;

    public OrgTreeNode Root { get; }

    public IReadOnlyList<PolicyProblemView> Problems { get; }

    /// <summary>Why coverage is missing (the guardrail options or definitions are unusable); null when computed.</summary>
    public string? MatrixError { get; }

    /// <summary>Builds the tree; <paramref name="matrix"/> null (with <paramref name="matrixError"/>) leaves coverage out.</summary>
    public static OrganizationTreeViewModel Build(OrganizationSnapshot snapshot, GuardrailMatrix? matrix, string? matrixError = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var coverage = matrix?.Coverage().ToDictionary(c => c.TargetId, StringComparer.Ordinal);
        var root = Node(snapshot, snapshot.Root.Id, matrix, coverage);
        var problems = snapshot.PolicyProblems()
            .Select(p => new PolicyProblemView(
                p.PolicyId,
                p.PolicyName,
                OrganizationPolicyTypes.ShortName(p.Type),
                p.Error,
                [.. p.AttachedTo.Select(t => snapshot.IsTarget(t) ? EffectivePolicies.LevelName(snapshot, t) : t)],
                OrganizationLinks.Policy(p.PolicyId)))
            .ToList();
        return new OrganizationTreeViewModel(snapshot, root, problems, matrixError);
    }

    /// <summary>The SCPs attached directly to a target, as badges.</summary>
    public static IReadOnlyList<ScpBadge> Badges(OrganizationSnapshot snapshot, string targetId)
        => [.. snapshot.PoliciesAttachedTo(targetId, OrganizationPolicyTypes.ServiceControlPolicy)
            .Select(p => new ScpBadge(p.Id, p.Name, p.AwsManaged, snapshot.ParsedPolicy(p.Id).Parsed.IsSuccess, OrganizationLinks.Policy(p.Id)))];

    /// <summary>"9 of 12 covered · 1 not protected · 2 uncertain" (cells: accounts × guardrails, the management account excluded).</summary>
    public static string CoverageText(GuardrailCounts counts)
    {
        if (counts.Applicable == 0) return counts.NotApplicable > 0 ? "Not applicable (management account)" : "No accounts";
        var parts = new List<string> { $"{counts.Covered} of {counts.Applicable} covered" };
        if (counts.ProtectedWithExceptions > 0) parts.Add($"{counts.ProtectedWithExceptions} with exceptions");
        if (counts.NotProtected > 0) parts.Add($"{counts.NotProtected} not protected");
        if (counts.Uncertain > 0) parts.Add($"{counts.Uncertain} uncertain");
        return string.Join(" · ", parts);
    }

    private static OrgTreeNode Node(OrganizationSnapshot snapshot, string id, GuardrailMatrix? matrix, Dictionary<string, GuardrailNodeCoverage>? coverage)
    {
        var children = new List<OrgTreeNode>();
        children.AddRange(snapshot.ChildOrganizationalUnits(id).Select(u => Node(snapshot, u.Id, matrix, coverage)));
        children.AddRange(snapshot.AccountsIn(id).Select(a => AccountNode(snapshot, a, matrix)));
        var isRoot = id == snapshot.Root.Id;
        var counts = coverage is not null && coverage.TryGetValue(id, out var node) ? node.AllCells : null;
        return new OrgTreeNode(
            id,
            isRoot ? OrganizationTargetKind.Root : OrganizationTargetKind.OrganizationalUnit,
            isRoot ? snapshot.Root.Name : snapshot.FindOrganizationalUnit(id)!.Name,
            null,
            false,
            false,
            Badges(snapshot, id),
            counts is null ? null : new CoverageView(counts, CoverageText(counts), OrganizationLinks.Guardrails(id)),
            OrganizationLinks.Guardrails(id),
            children);
    }

    private static OrgTreeNode AccountNode(OrganizationSnapshot snapshot, OrganizationAccount account, GuardrailMatrix? matrix)
    {
        var counts = matrix is null ? null : GuardrailCounts.From(matrix.Row(account.Id).Cells.Select(c => c.Status));
        return new OrgTreeNode(
            account.Id,
            OrganizationTargetKind.Account,
            account.Name,
            account.Status,
            snapshot.IsManagementAccount(account.Id),
            !account.IsActive,
            Badges(snapshot, account.Id),
            counts is null ? null : new CoverageView(counts, CoverageText(counts), OrganizationLinks.Guardrails(account.ParentId)),
            OrganizationLinks.Account(account.Id),
            []);
    }
}
