namespace Dashboard.Core.Iam.Inventory;

/// <summary>An inline policy embedded in a user, group or role.</summary>
public sealed record IamInlinePolicy(string PolicyName, IamPolicyJson Document);

/// <summary>A managed policy attached to a user, group or role (the policy itself is in the snapshot's ManagedPolicies).</summary>
public sealed record IamAttachedPolicy(string PolicyName, string PolicyArn);

/// <summary>The managed policy that bounds a user's or role's permissions.</summary>
public sealed record IamPermissionsBoundary(string PolicyArn, string Type = IamPermissionsBoundary.PolicyType)
{
    public const string PolicyType = "PermissionsBoundaryPolicy";
}

public sealed record IamTag(string Key, string Value);

/// <summary>When and where a role was last used; IAM tracks roughly the last 400 days, so both may be absent.</summary>
public sealed record IamRoleLastUsed(DateTimeOffset? LastUsedDate, string? Region);

/// <summary>An instance profile that carries a role to EC2.</summary>
public sealed record IamInstanceProfile(
    string Arn,
    string InstanceProfileName,
    string InstanceProfileId,
    string Path,
    DateTimeOffset? CreateDate,
    IReadOnlyList<string> RoleNames);
