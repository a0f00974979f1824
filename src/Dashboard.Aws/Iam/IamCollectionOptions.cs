using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Iam;

/// <summary>How IAM is read, bound from the <c>Aws:Iam</c> configuration section.</summary>
public sealed class IamCollectionOptions
{
    public const string SectionName = "Aws:Iam";

    /// <summary>GetAccountAuthorizationDetails MaxItems (1–1000). IAM may return fewer per page anyway.</summary>
    public int PageSize { get; set; } = IamOperations.MaxPageSize;

    /// <summary>
    /// A credential report younger than this is used as is instead of asking for a new one. IAM itself
    /// generates at most one report per 4 hours, so asking sooner only returns the same report.
    /// </summary>
    public TimeSpan CredentialReportMaxAge { get; set; } = TimeSpan.FromHours(4);

    /// <summary>The first wait between polls while IAM generates the report; doubled after each poll.</summary>
    public TimeSpan CredentialReportFirstPoll { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two polls.</summary>
    public TimeSpan CredentialReportMaxPoll { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait for a report in total; after that the snapshot has none and says so.</summary>
    public TimeSpan CredentialReportMaxWait { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Every problem with <see cref="IamCollectionOptions"/>, each naming its configuration key.</summary>
public sealed class IamCollectionOptionsValidator : IValidateOptions<IamCollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, IamCollectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string prefix = IamCollectionOptions.SectionName;
        if (options.PageSize is < 1 or > IamOperations.MaxPageSize)
        {
            problems.Add($"{prefix}:PageSize must be between 1 and {IamOperations.MaxPageSize} (was {options.PageSize}).");
        }

        if (options.CredentialReportMaxAge < TimeSpan.Zero)
        {
            problems.Add($"{prefix}:CredentialReportMaxAge must not be negative.");
        }

        if (options.CredentialReportFirstPoll <= TimeSpan.Zero || options.CredentialReportMaxPoll < options.CredentialReportFirstPoll)
        {
            problems.Add($"{prefix}:CredentialReportFirstPoll must be positive and at most {prefix}:CredentialReportMaxPoll.");
        }

        if (options.CredentialReportMaxWait < TimeSpan.Zero)
        {
            problems.Add($"{prefix}:CredentialReportMaxWait must not be negative.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
