using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Organizations;

/// <summary>How the organization is read, bound from <c>Aws:Organizations</c>.</summary>
public sealed class OrganizationsOptions
{
    public const string SectionName = "Aws:Organizations";

    /// <summary>
    /// Organizations calls in flight at once. Organizations throttles early (TooManyRequestsException, which
    /// the SDK retries with backoff), so a few in parallel is the most that helps.
    /// </summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Read RCPs too when they are enabled on the root.</summary>
    public bool IncludeResourceControlPolicies { get; set; } = true;

    /// <summary>
    /// Read the organization (tree, SCPs) at each sync. Needs the management account or a delegated
    /// administrator; off by default so a single-account setup works without Organizations access.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The organization's ACTIVE accounts become the accounts the findings and IAM syncs visit
    /// (suspended ones skipped); needs <see cref="Enabled"/>. Read from the organization each sync collects
    /// first (the last good one when that read fails), so discovery costs no extra calls. Without it,
    /// <c>Aws:Accounts</c> is the list.
    /// </summary>
    public bool DiscoverAccounts { get; set; }
}

/// <summary>Names the configuration key to fix.</summary>
public sealed class OrganizationsOptionsValidator : IValidateOptions<OrganizationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganizationsOptions options)
    {
        var errors = new List<string>();
        if (options.MaxConcurrency is < 1 or > 16)
            errors.Add($"{OrganizationsOptions.SectionName}:MaxConcurrency must be between 1 and 16 (was {options.MaxConcurrency}).");
        if (options.DiscoverAccounts && !options.Enabled)
            errors.Add($"{OrganizationsOptions.SectionName}:DiscoverAccounts needs {OrganizationsOptions.SectionName}:Enabled=true (accounts are discovered by reading the organization).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
