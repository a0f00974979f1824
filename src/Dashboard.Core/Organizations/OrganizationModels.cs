namespace Dashboard.Core.Organizations;

/// <summary>The Organizations policy types the dashboard reads (the API's PolicyType enum values).</summary>
public static class OrganizationPolicyTypes
{
    public const string ServiceControlPolicy = "SERVICE_CONTROL_POLICY";
    public const string ResourceControlPolicy = "RESOURCE_CONTROL_POLICY";

    /// <summary>Every value of the API's PolicyType enum (botocore organizations model); others are refused.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY", "TAG_POLICY", "BACKUP_POLICY", "AISERVICES_OPT_OUT_POLICY",
        "CHATBOT_POLICY", "DECLARATIVE_POLICY_EC2", "SECURITYHUB_POLICY", "INSPECTOR_POLICY", "UPGRADE_ROLLOUT_POLICY",
        "BEDROCK_POLICY", "S3_POLICY", "NETWORK_SECURITY_DIRECTOR_POLICY",
    };

    /// <summary>"SCP", "RCP" or the type itself, for labels.</summary>
    public static string ShortName(string type) => type switch
    {
        ServiceControlPolicy => "SCP",
        ResourceControlPolicy => "RCP",
        _ => type,
    };
}

/// <summary>The organization itself (DescribeOrganization). FeatureSet is ALL or CONSOLIDATED_BILLING.</summary>
public sealed record OrganizationDetails(string Id, string ManagementAccountId, string? ManagementAccountEmail, string FeatureSet)
{
    public const string AllFeatures = "ALL";

    public string? Arn { get; init; }
}

/// <summary>The organization's single root, with the policy types enabled on it (only those can be attached).</summary>
public sealed record OrganizationRoot(string Id, string Name)
{
    public string? Arn { get; init; }

    /// <summary>Policy types whose status is ENABLED on the root.</summary>
    public IReadOnlyList<string> EnabledPolicyTypes { get; init; } = [];
}

/// <summary>An organizational unit; <see cref="ParentId"/> is the root's id or another OU's.</summary>
public sealed record OrganizationalUnit(string Id, string Name, string ParentId)
{
    public string? Arn { get; init; }
}

/// <summary>
/// A member account. <see cref="Status"/> is the API's State (ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED,
/// PENDING_ACTIVATION), or its older Status member when State is absent.
/// </summary>
public sealed record OrganizationAccount(string Id, string Name, string Email, string Status, string ParentId)
{
    public const string ActiveStatus = "ACTIVE";

    public string? Arn { get; init; }

    /// <summary>INVITED or CREATED.</summary>
    public string? JoinedMethod { get; init; }

    public DateTimeOffset? JoinedAt { get; init; }

    public bool IsActive => string.Equals(Status, ActiveStatus, StringComparison.Ordinal);
}

/// <summary>
/// A policy with its raw content exactly as Organizations returned it (DescribePolicy's Content is the JSON
/// document as a string). The content is parsed when needed, so one unreadable policy never stops a load.
/// </summary>
public sealed record OrganizationPolicy(string Id, string Name, string Type, bool AwsManaged, string Content)
{
    public string? Description { get; init; }

    public string? Arn { get; init; }
}

/// <summary>A policy whose content cannot be evaluated, with the parser's reason.</summary>
public sealed record OrganizationPolicyProblem(string PolicyId, string PolicyName, string Type, string Error, IReadOnlyList<string> AttachedTo);

/// <summary>An account a sync should visit: the organization's ACTIVE accounts, the management account marked.</summary>
public sealed record DiscoveredAccount(string AccountId, string Name, string Email, bool IsManagement);

/// <summary>Organization data that does not hold together; every problem is listed, each naming what is wrong.</summary>
public sealed class InvalidOrganizationException : Exception
{
    public InvalidOrganizationException(string source, IReadOnlyList<string> problems)
        : base($"{source} is not a valid organization: " + string.Join(" ", problems.Take(20)) + (problems.Count > 20 ? $" (and {problems.Count - 20} more)" : string.Empty))
    {
        Origin = source;
        Problems = problems;
    }

    public string Origin { get; }

    public IReadOnlyList<string> Problems { get; }
}
