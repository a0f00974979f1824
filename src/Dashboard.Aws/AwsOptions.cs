namespace Dashboard.Aws;

/// <summary>
/// Where and how the dashboard reads AWS, bound from the <c>Aws</c> configuration section.
/// Credentials never live here: they come from the SDK's default chain (or a named profile).
/// </summary>
public sealed class AwsOptions
{
    public const string SectionName = "Aws";
    public const string DefaultRoleName = "SecurityDashboardReadOnly";
    public const string DefaultRoleSessionName = "security-dashboard";

    /// <summary>The accounts to read. Organizations discovery comes later; for now the list is configured.</summary>
    public List<AwsAccountOptions> Accounts { get; set; } = [];

    /// <summary>The role assumed in each account unless that account names its own <see cref="AwsAccountOptions.RoleArn"/>.</summary>
    public string RoleName { get; set; } = DefaultRoleName;

    /// <summary>Sent with every AssumeRole when the member-account role requires it (confused-deputy protection).</summary>
    public string? ExternalId { get; set; }

    public string RoleSessionName { get; set; } = DefaultRoleSessionName;

    /// <summary>The Regions read in every account. Empty falls back to AWS_REGION / AWS_DEFAULT_REGION.</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>
    /// The Security Hub cross-Region aggregation Region. When set, findings are read only there: GetFindings in
    /// the aggregation Region already returns the linked Regions' findings.
    /// </summary>
    public string? AggregationRegion { get; set; }

    /// <summary>Endpoint overrides (e.g. the local stand-in). One URL may serve every Region.</summary>
    public AwsServiceUrls ServiceUrls { get; set; } = new();

    /// <summary>How many account-Regions the sync reads at once (the orchestrator applies it).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Security Hub's documented GetFindings limit is 3 requests/s per account and Region.</summary>
    public double FindingsRequestsPerSecond { get; set; } = 3;

    /// <summary>Security Hub's documented GetFindings burst is 6 per account and Region.</summary>
    public int FindingsBurst { get; set; } = 6;

    /// <summary>Read the account that the ambient credentials belong to without assuming a role in it.</summary>
    public bool ReadAmbientAccountDirectly { get; set; } = true;

    /// <summary>A named profile from the shared config files; when empty the default chain (and AWS_PROFILE) decides.</summary>
    public string? Profile { get; set; }

    /// <summary>Retries the SDK makes (standard mode, backoff with jitter) on throttling, 5xx and network errors.</summary>
    public int MaxErrorRetry { get; set; } = 4;

    /// <summary>Static keys for the local stand-in only (demo mode); refused unless every endpoint is loopback.</summary>
    public string? DemoAccessKeyId { get; set; }

    /// <summary>See <see cref="DemoAccessKeyId"/>.</summary>
    public string? DemoSecretAccessKey { get; set; }

    /// <summary>The Region used for STS and as the home Region: the aggregation Region, else the first Region.</summary>
    public string HomeRegion =>
        !string.IsNullOrWhiteSpace(AggregationRegion) ? AggregationRegion
        : Regions.FirstOrDefault(r => !string.IsNullOrWhiteSpace(r)) ?? "us-east-1";

    /// <summary>The Regions a findings sync visits: the aggregation Region alone, or every configured Region.</summary>
    public IReadOnlyList<string> FindingsRegions =>
        !string.IsNullOrWhiteSpace(AggregationRegion)
            ? [AggregationRegion]
            : [.. Regions.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal)];
}

public sealed class AwsAccountOptions
{
    public string AccountId { get; set; } = "";

    public string? Name { get; set; }

    /// <summary>Overrides <see cref="AwsOptions.RoleName"/> for this account.</summary>
    public string? RoleArn { get; set; }
}

/// <summary>Optional endpoint overrides per service; the SDK's ServiceURL wins over the regional endpoint.</summary>
public sealed class AwsServiceUrls
{
    public string? SecurityHub { get; set; }
    public string? Sts { get; set; }
    public string? Iam { get; set; }
    public string? Organizations { get; set; }

    /// <summary>The override for <paramref name="service"/>, or null for its public endpoint.</summary>
    public string? For(Client.AwsServiceDefinition service) => service.ServiceId switch
    {
        "SecurityHub" => SecurityHub,
        "IAM" => Iam,
        "Organizations" => Organizations,
        _ => null,
    } is { Length: > 0 } url ? url : null;

    internal IEnumerable<(string Key, string? Url)> All() =>
        [(nameof(SecurityHub), SecurityHub), (nameof(Sts), Sts), (nameof(Iam), Iam), (nameof(Organizations), Organizations)];
}
