using Dashboard.Core.Iam.Policies;
using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Guardrails;
using Dashboard.Core.Organizations.Summaries;

namespace Dashboard.Web.Organizations;

/// <summary>A step of an account's path (root, OUs, the account).</summary>
public sealed record PathStep(string Id, string Name, OrganizationTargetKind Kind, string Href);

/// <summary>An SCP attached at one level, with its plain-language summary.</summary>
public sealed record LevelPolicyView(string PolicyId, string Name, bool AwsManaged, string Href, ScpSummary Summary);

/// <summary>One level of the account's SCP chain.</summary>
public sealed record ScpLevelView(string TargetId, OrganizationTargetKind Kind, string Name, IReadOnlyList<LevelPolicyView> Policies, string? Note);

/// <summary>
/// The account page: where the account sits, the SCPs at each level of its chain with their summaries,
/// what the chain means as a whole, and the account's guardrail row.
/// </summary>
public sealed class OrganizationAccountViewModel
{
    private OrganizationAccountViewModel(OrganizationAccount account) => Account = account;

    public OrganizationAccount Account { get; }

    public bool IsManagement { get; private init; }

    public IReadOnlyList<PathStep> Path { get; private init; } = [];

    public IReadOnlyList<ScpLevelView> Levels { get; private init; } = [];

    /// <summary>
    /// The RCP chain (root → OUs → account) when RCPs are enabled: what principals, also from outside the
    /// organization, may do to this account's resources. Empty when RCPs are not enabled.
    /// </summary>
    public IReadOnlyList<ScpLevelView> ResourceControlLevels { get; private init; } = [];

    /// <summary>The combined effect of the chain, one fact per line.</summary>
    public IReadOnlyList<string> Effect { get; private init; } = [];

    public IReadOnlyList<GuardrailCellView> Guardrails { get; private init; } = [];

    /// <summary>Why the guardrail row is missing; null when it is there.</summary>
    public string? GuardrailError { get; private init; }

    /// <summary>The account's view, or null when the organization has no such account.</summary>
    public static OrganizationAccountViewModel? Build(OrganizationSnapshot snapshot, string accountId, GuardrailMatrix? matrix, string? matrixError = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.FindAccount(accountId?.Trim() ?? "") is not { } account) return null;
        var path = snapshot.PathTo(account.Id)
            .Select(id => new PathStep(
                id,
                id == snapshot.Root.Id ? snapshot.Root.Name : snapshot.FindOrganizationalUnit(id)?.Name ?? snapshot.FindAccount(id)?.Name ?? id,
                id == snapshot.Root.Id ? OrganizationTargetKind.Root : snapshot.FindOrganizationalUnit(id) is not null ? OrganizationTargetKind.OrganizationalUnit : OrganizationTargetKind.Account,
                id == account.Id ? OrganizationLinks.Account(id) : OrganizationLinks.Guardrails(id)))
            .ToList();
        var levels = LevelViews(snapshot, account.Id, OrganizationPolicyTypes.ServiceControlPolicy, "No SCP is attached here, so nothing is allowed at this level: every action is denied for the account.");
        var resourceLevels = LevelViews(snapshot, account.Id, OrganizationPolicyTypes.ResourceControlPolicy, "No RCP is attached here, so no request to the account's resources is allowed at this level.");
        var management = snapshot.IsManagementAccount(account.Id);
        return new OrganizationAccountViewModel(account)
        {
            IsManagement = management,
            Path = path,
            Levels = levels,
            ResourceControlLevels = resourceLevels,
            Effect = CombinedEffect(snapshot, levels, management),
            Guardrails = matrix is null ? [] : [.. matrix.Row(account.Id).Cells.Select(c => GuardrailMatrixViewModel.Cell(matrix, c))],
            GuardrailError = matrixError,
        };
    }

    private static List<ScpLevelView> LevelViews(OrganizationSnapshot snapshot, string accountId, string policyType, string emptyNote) =>
        [.. EffectivePolicies.ChainFor(snapshot, accountId, policyType).Select(level => new ScpLevelView(
            level.TargetId,
            level.Kind,
            level.Name,
            [.. level.Policies.Select(p => new LevelPolicyView(p.Id, p.Name, p.AwsManaged, OrganizationLinks.Policy(p.Id), ScpSummarizer.Summarize(snapshot, p.Id)))],
            level.Policies.Count == 0 ? emptyNote : null))];

    private static List<string> CombinedEffect(OrganizationSnapshot snapshot, IReadOnlyList<ScpLevelView> levels, bool management)
    {
        var lines = new List<string>();
        if (!snapshot.IsPolicyTypeEnabled(OrganizationPolicyTypes.ServiceControlPolicy))
        {
            lines.Add("SCPs are not enabled on the organization's root, so no SCP restricts this account.");
            return lines;
        }

        if (management)
        {
            lines.Add("This is the management account: SCPs never restrict its users and roles, whatever is attached.");
        }

        lines.Add($"An action is allowed only if an SCP at each of these {levels.Count} levels allows it, and a Deny at any level wins; SCPs grant nothing by themselves.");
        var denies = levels.SelectMany(l => l.Policies.SelectMany(p => p.Summary.Denies.Select(d => $"{l.Name}, {p.Name} {d.Label}: {d.Text}"))).ToList();
        lines.AddRange(denies.Count == 0 ? ["No SCP on the chain denies anything explicitly."] : denies);

        // Allow-list levels (no FullAWSAccess or equivalent): only what they allow gets through, whatever lies
        // below. A level with an unreadable SCP is left to the "uncertain" line: it may allow anything.
        foreach (var level in levels.Where(l => l.Policies.Count > 0
            && l.Policies.All(p => p.Summary.IsReadable)
            && !l.Policies.Any(p => AllowsEverything(snapshot, p.PolicyId))))
        {
            var allows = level.Policies.SelectMany(p => p.Summary.Allows.Select(a => $"{a.Text.TrimEnd('.')} ({p.Name})")).ToList();
            lines.Add(allows.Count == 0
                ? $"{level.Name} allows nothing (its SCPs only deny), so every action is denied for the account."
                : $"{level.Name} is an allow list: only what it allows gets through, everything else is denied for the account: {string.Join("; ", allows)}.");
        }

        var unreadable = levels.SelectMany(l => l.Policies.Where(p => !p.Summary.IsReadable).Select(p => $"{p.Name} at {l.Name}")).ToList();
        if (unreadable.Count > 0)
        {
            lines.Add($"Uncertain: {string.Join(", ", unreadable)} cannot be parsed, so results through this chain are never reported as allowed.");
        }

        lines.AddRange(levels.Where(l => l.Note is not null).Select(l => $"{l.Name}: {l.Note}"));
        return lines;
    }

    /// <summary>An unconditional Allow of every action on every resource, as FullAWSAccess has.</summary>
    private static bool AllowsEverything(OrganizationSnapshot snapshot, string policyId)
    {
        var parsed = snapshot.ParsedPolicy(policyId).Parsed;
        return parsed.IsSuccess && parsed.Policy.Statements.Any(s =>
            s.Effect == PolicyEffect.Allow
            && !s.Actions.IsNegated && s.Actions.Values.Any(a => a.Trim() == "*")
            && (s.Resources is null || (!s.Resources.IsNegated && s.Resources.Values.Any(r => r.Trim() == "*")))
            && s.Conditions.Count == 0);
    }
}
