namespace Dashboard.Core.Iam.Risks;

/// <summary>
/// Settings of an IAM risk analysis, bound from configuration section <see cref="SectionName"/>.
/// Thresholds left null take the default each rule declares next to its logic.
/// </summary>
public sealed class RiskAnalysisOptions
{
    public const string SectionName = "IamRisks";

    /// <summary>Root used within this many days counts as recent (see RootRecentUseRule.DefaultDays).</summary>
    public int? RootRecentUseDays { get; set; }

    public int? AccessKeyMaxAgeDays { get; set; }

    public int? AccessKeyUnusedDays { get; set; }

    public int? PasswordUnusedDays { get; set; }

    public int? RoleInactiveDays { get; set; }

    public int? MinimumPasswordLength { get; set; }

    public int? PasswordReusePrevention { get; set; }

    public int? MaxPasswordAgeDays { get; set; }

    /// <summary>How many role hops to follow when looking for a path to an administrator role.</summary>
    public int? MaxAssumeRoleHops { get; set; }

    /// <summary>
    /// The accounts of the organization (and trusted third parties): roles trusting any other account are
    /// reported. Empty: every other account counts as external.
    /// </summary>
    public IList<string> TrustedAccountIds { get; set; } = [];

    /// <summary>aws:PrincipalOrgID of the account's principals, when known.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>The organization's management account (SCPs do not restrict it).</summary>
    public string? ManagementAccountId { get; set; }

    /// <summary>Analyse service-linked roles' permissions too (only their AWS service can use or change them).</summary>
    public bool IncludeServiceLinkedRoles { get; set; }

    /// <summary>Rule ids to skip.</summary>
    public IList<string> DisabledRules { get; set; } = [];

    /// <summary>
    /// These settings for an account of a known organization: its accounts are trusted (besides the
    /// configured ones), and its id and management account fill what configuration left empty.
    /// </summary>
    public RiskAnalysisOptions WithOrganization(IEnumerable<string> organizationAccountIds, string? organizationId, string? managementAccountId)
    {
        var copy = (RiskAnalysisOptions)MemberwiseClone();
        copy.TrustedAccountIds = [.. TrustedAccountIds.Concat(organizationAccountIds).Distinct(StringComparer.Ordinal)];
        copy.OrganizationId = organizationId ?? OrganizationId;
        copy.ManagementAccountId = managementAccountId ?? ManagementAccountId;
        return copy;
    }
}
