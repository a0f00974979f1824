using System.Text.RegularExpressions;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Organizations.Guardrails;

/// <summary>
/// Inputs of the guardrail matrix, bound from configuration section <see cref="SectionName"/>.
/// Lists are empty by default and their defaults apply when empty, because the configuration binder
/// appends to a pre-filled list instead of replacing it.
/// </summary>
public sealed partial class GuardrailOptions
{
    public const string SectionName = "Organizations:Guardrails";

    /// <summary>Every commercial Region, us-east-1 first (the home Region when nothing else is known).</summary>
    public static readonly IReadOnlyList<string> DefaultCandidateRegions =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "mx-central-1", "sa-east-1",
        "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1", "eu-south-2",
        "il-central-1", "me-central-1", "me-south-1", "af-south-1", "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
        "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
    ];

    /// <summary>
    /// Roles commonly exempted from SCPs (the role Organizations creates in new accounts, Control Tower's
    /// execution role); each is tried as a privileged principal to find exceptions.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultPrivilegedPrincipals =
    [
        "arn:{partition}:iam::{account}:role/OrganizationAccountAccessRole",
        "arn:{partition}:iam::{account}:role/AWSControlTowerExecution",
    ];

    /// <summary>
    /// The role this dashboard reads member accounts through (the audit-role guardrail protects it). The host
    /// sets it from <c>Aws:RoleName</c> unless this key is configured itself.
    /// </summary>
    public string AuditRoleName { get; set; } = "SecurityDashboardReadOnly";

    // Set by the host from Aws:Accounts:N:RoleArn, never bound from this section (a method, not a property).
    private readonly Dictionary<string, string> _accountAuditRoles = new(StringComparer.Ordinal);

    /// <summary>The ordinary administrator making the test requests: a role with AdministratorAccess.</summary>
    public string ProbeRoleName { get; set; } = "GuardrailProbeAdmin";

    /// <summary>The trail the CloudTrail guardrail tries to stop (SCPs often protect one named trail).</summary>
    public string TrailName { get; set; } = "organization-trail";

    public string Partition { get; set; } = "aws";

    /// <summary>The Regions the organization allows; empty means those the account's SCPs name as allowed (GUARDRAILS.md).</summary>
    public List<string> AllowedRegions { get; set; } = [];

    /// <summary>The Regions tried by the Region guardrail; empty means <see cref="DefaultCandidateRegions"/>.</summary>
    public List<string> CandidateRegions { get; set; } = [];

    /// <summary>
    /// Where the other guardrails are tested. Empty: the first allowed Region, else the first candidate
    /// Region the account's SCPs do not deny (so a Region SCP does not pass for a CloudTrail guardrail).
    /// </summary>
    public string? HomeRegion { get; set; }

    /// <summary>
    /// More principals to try as privileged exceptions, besides <see cref="DefaultPrivilegedPrincipals"/> and
    /// those the SCPs' own conditions name; <c>{account}</c> and <c>{partition}</c> are filled in per account.
    /// </summary>
    public List<string> PrivilegedPrincipals { get; set; } = [];

    /// <summary>
    /// A JSON file of the organization's own guardrails (format in GUARDRAILS.md): each is added to the
    /// built-in ones, or replaces the built-in one with the same id. Empty: the built-in guardrails only.
    /// </summary>
    public string? DefinitionsFile { get; set; }

    /// <summary>
    /// Gives one account its own audit role: the account reads through its own role (<c>Aws:Accounts:N:RoleArn</c>),
    /// so that is the role whose changes must be denied there. <paramref name="roleNameWithPath"/> is the ARN's part
    /// after <c>role/</c>. Accounts without one use <see cref="AuditRoleName"/>.
    /// </summary>
    public void SetAccountAuditRole(string accountId, string roleNameWithPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(roleNameWithPath);
        _accountAuditRoles[accountId] = roleNameWithPath;
    }

    /// <summary>The audit role tested in <paramref name="accountId"/>: its own, else <see cref="AuditRoleName"/>.</summary>
    public string AuditRoleFor(string accountId) => _accountAuditRoles.GetValueOrDefault(accountId, AuditRoleName);

    public IReadOnlyList<string> EffectiveCandidateRegions => CandidateRegions.Count > 0 ? CandidateRegions : DefaultCandidateRegions;

    public IReadOnlyList<string> EffectivePrivilegedPrincipals => [.. DefaultPrivilegedPrincipals, .. PrivilegedPrincipals];

    /// <summary>Every problem, each naming the configuration key to fix; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(AuditRoleName) || !RoleNameWithPathPattern().IsMatch(AuditRoleName))
            problems.Add($"{SectionName}:{nameof(AuditRoleName)}: '{AuditRoleName}' is not an IAM role name (1 to 64 letters, digits and +=,.@_-, after an optional path).");
        CheckRoleName(problems, nameof(ProbeRoleName), ProbeRoleName);
        foreach (var (account, role) in _accountAuditRoles)
        {
            if (!RoleNameWithPathPattern().IsMatch(role))
                problems.Add($"{SectionName}:{nameof(AuditRoleName)} of account {account}: '{role}' (from its RoleArn) is not an IAM role name with an optional path.");
        }

        if (string.IsNullOrWhiteSpace(TrailName) || TrailName.Contains('*', StringComparison.Ordinal))
            problems.Add($"{SectionName}:{nameof(TrailName)}: '{TrailName}' is not a trail name.");
        if (string.IsNullOrWhiteSpace(Partition) || !PartitionPattern().IsMatch(Partition))
            problems.Add($"{SectionName}:{nameof(Partition)}: '{Partition}' is not an AWS partition (aws, aws-cn, aws-us-gov ...).");
        CheckRegions(problems, nameof(AllowedRegions), AllowedRegions);
        CheckRegions(problems, nameof(CandidateRegions), CandidateRegions);
        if (HomeRegion is not null && !RegionPattern().IsMatch(HomeRegion))
            problems.Add($"{SectionName}:{nameof(HomeRegion)}: '{HomeRegion}' is not a Region name like eu-west-1.");
        if (AllowedRegions.Count > 0 && !EffectiveCandidateRegions.Except(AllowedRegions, StringComparer.Ordinal).Any())
            problems.Add($"{SectionName}:{nameof(AllowedRegions)}: every candidate Region is allowed, so the Region guardrail has nothing to test.");

        for (var i = 0; i < (PrivilegedPrincipals?.Count ?? 0); i++)
        {
            var arn = Fill(PrivilegedPrincipals![i], "123456789012");
            if (!PrincipalContext.TryFromArn(arn, out var principal, out var error) || principal!.Kind is not (PrincipalKind.Role or PrincipalKind.User or PrincipalKind.Root))
                problems.Add($"{SectionName}:{nameof(PrivilegedPrincipals)}:{i}: '{PrivilegedPrincipals[i]}' is not a role, user or root ARN ({error ?? "other principal kind"}).");
        }

        return problems;
    }

    /// <summary>Fills <c>{account}</c> and <c>{partition}</c> (and the other placeholders) for one account.</summary>
    internal string Fill(string text, string accountId, string? region = null) => text
        .Replace("{account}", accountId, StringComparison.Ordinal)
        .Replace("{partition}", Partition, StringComparison.Ordinal)
        .Replace("{region}", region ?? HomeRegion ?? "us-east-1", StringComparison.Ordinal)
        .Replace("{auditRole}", AuditRoleFor(accountId), StringComparison.Ordinal)
        .Replace("{trail}", TrailName, StringComparison.Ordinal);

    private static void CheckRoleName(List<string> problems, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !RoleNamePattern().IsMatch(value))
            problems.Add($"{SectionName}:{key}: '{value}' is not an IAM role name (1 to 64 letters, digits and +=,.@_-).");
    }

    private static void CheckRegions(List<string> problems, string key, List<string>? regions)
    {
        if (regions is null)
        {
            problems.Add($"{SectionName}:{key}: must be a list (it may be empty).");
            return;
        }

        for (var i = 0; i < regions.Count; i++)
        {
            if (regions[i] is null || !RegionPattern().IsMatch(regions[i]))
                problems.Add($"{SectionName}:{key}:{i}: '{regions[i]}' is not a Region name like eu-west-1.");
        }
    }

    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex(@"^([\w+=,.@-]+/)*[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleNameWithPathPattern();

    [GeneratedRegex("^aws(-[a-z]+)*$")]
    private static partial Regex PartitionPattern();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$")]
    private static partial Regex RegionPattern();
}
