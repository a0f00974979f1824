using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Summaries;
using Dashboard.Web.Iam;

namespace Dashboard.Web.Organizations;

/// <summary>A root, OU or account a policy is attached to.</summary>
public sealed record PolicyTargetView(string Id, string Name, OrganizationTargetKind Kind, string Href);

/// <summary>One SCP or RCP in the library: its summary, targets, pretty JSON, and why it cannot be read if so.</summary>
public sealed record ScpPolicyView(
    string Id,
    string Name,
    string Type,
    bool AwsManaged,
    string? Description,
    string? Arn,
    ScpSummary Summary,
    IReadOnlyList<PolicyTargetView> Targets,
    string PrettyJson,
    string? ParseError,
    string Href);

/// <summary>The SCP library: every SCP and RCP of the organization, or one of them when the URL names it.</summary>
public sealed class ScpLibraryViewModel
{
    private ScpLibraryViewModel(IReadOnlyList<ScpPolicyView> policies, ScpPolicyView? selected, string? warning)
    {
        Policies = policies;
        Selected = selected;
        Warning = warning;
    }

    /// <summary>SCPs first, then RCPs, each by name.</summary>
    public IReadOnlyList<ScpPolicyView> Policies { get; }

    public ScpPolicyView? Selected { get; }

    /// <summary>Set when the URL names a policy the organization does not have.</summary>
    public string? Warning { get; }

    public static ScpLibraryViewModel Build(OrganizationSnapshot snapshot, string? selectedId)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var policies = snapshot.Policies
            .Where(p => p.Type is OrganizationPolicyTypes.ServiceControlPolicy or OrganizationPolicyTypes.ResourceControlPolicy)
            .OrderBy(p => p.Type == OrganizationPolicyTypes.ServiceControlPolicy ? 0 : 1)
            .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Select(p => View(snapshot, p))
            .ToList();
        ScpPolicyView? selected = null;
        string? warning = null;
        if (!string.IsNullOrWhiteSpace(selectedId))
        {
            selected = policies.FirstOrDefault(p => p.Id == selectedId.Trim());
            if (selected is null) warning = $"The organization has no SCP or RCP with id '{selectedId.Trim()}'; showing the whole library.";
        }

        return new ScpLibraryViewModel(policies, selected, warning);
    }

    private static ScpPolicyView View(OrganizationSnapshot snapshot, OrganizationPolicy policy)
    {
        var parsed = snapshot.ParsedPolicy(policy.Id).Parsed;
        var targets = snapshot.TargetsOf(policy.Id)
            .Where(snapshot.IsTarget)
            .Select(t => t == snapshot.Root.Id
                ? new PolicyTargetView(t, snapshot.Root.Name, OrganizationTargetKind.Root, OrganizationLinks.Guardrails())
                : snapshot.FindOrganizationalUnit(t) is { } unit
                    ? new PolicyTargetView(t, unit.Name, OrganizationTargetKind.OrganizationalUnit, OrganizationLinks.Guardrails(t))
                    : new PolicyTargetView(t, snapshot.FindAccount(t)!.Name, OrganizationTargetKind.Account, OrganizationLinks.Account(t)))
            .ToList();
        return new ScpPolicyView(
            policy.Id,
            policy.Name,
            OrganizationPolicyTypes.ShortName(policy.Type),
            policy.AwsManaged,
            policy.Description,
            policy.Arn,
            ScpSummarizer.Summarize(snapshot, policy.Id),
            targets,
            PolicyText.Pretty(policy.Content),
            parsed.IsSuccess ? null : parsed.Error,
            OrganizationLinks.Policy(policy.Id));
    }
}
