namespace Dashboard.Core.Iam.Inventory;

/// <summary>An IAM role with its trust policy (who may assume it) and its permission policies.</summary>
public sealed record IamRole
{
    public required string Arn { get; init; }

    public required string RoleName { get; init; }

    public string RoleId { get; init; } = "";

    public string Path { get; init; } = "/";

    public DateTimeOffset? CreateDate { get; init; }

    /// <summary>The AssumeRolePolicyDocument (decoded); null only in a dump that left it out.</summary>
    public IamPolicyJson? TrustPolicy { get; init; }

    public IReadOnlyList<IamInlinePolicy> InlinePolicies { get; init; } = [];

    public IReadOnlyList<IamAttachedPolicy> AttachedPolicies { get; init; } = [];

    public IamPermissionsBoundary? PermissionsBoundary { get; init; }

    public IReadOnlyList<IamTag> Tags { get; init; } = [];

    /// <summary>Null when the source did not say (dumps from older CLI versions).</summary>
    public IamRoleLastUsed? LastUsed { get; init; }

    public IReadOnlyList<IamInstanceProfile> InstanceProfiles { get; init; } = [];

    /// <summary>Service-linked roles live under /aws-service-role/ and only their service can change them.</summary>
    public bool IsServiceLinked => Path.StartsWith("/aws-service-role/", StringComparison.Ordinal);
}
