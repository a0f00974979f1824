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
}

/// <summary>Names the configuration key to fix.</summary>
public sealed class OrganizationsOptionsValidator : IValidateOptions<OrganizationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganizationsOptions options) =>
        options.MaxConcurrency is < 1 or > 16
            ? ValidateOptionsResult.Fail($"{OrganizationsOptions.SectionName}:MaxConcurrency must be between 1 and 16 (was {options.MaxConcurrency}).")
            : ValidateOptionsResult.Success;
}
