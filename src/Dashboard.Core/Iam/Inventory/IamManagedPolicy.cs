namespace Dashboard.Core.Iam.Inventory;

/// <summary>One stored version of a managed policy; IAM keeps up to five, one of them the default.</summary>
public sealed record IamPolicyVersion(string VersionId, bool IsDefaultVersion, DateTimeOffset? CreateDate, IamPolicyJson? Document);

/// <summary>A customer-managed or AWS-managed policy with its versions.</summary>
public sealed record IamManagedPolicy
{
    public required string Arn { get; init; }

    public required string PolicyName { get; init; }

    public string PolicyId { get; init; } = "";

    public string Path { get; init; } = "/";

    public string? DefaultVersionId { get; init; }

    public int AttachmentCount { get; init; }

    public int PermissionsBoundaryUsageCount { get; init; }

    public bool IsAttachable { get; init; } = true;

    public string? Description { get; init; }

    public DateTimeOffset? CreateDate { get; init; }

    public DateTimeOffset? UpdateDate { get; init; }

    public IReadOnlyList<IamPolicyVersion> Versions { get; init; } = [];

    /// <summary>AWS-managed policies have "aws" in place of the account: arn:aws:iam::aws:policy/….</summary>
    public bool IsAwsManaged => Arn.Contains(":iam::aws:policy/", StringComparison.Ordinal);

    /// <summary>The version in force: the one flagged IsDefaultVersion, else the one DefaultVersionId names.</summary>
    public IamPolicyVersion? DefaultVersion =>
        Versions.FirstOrDefault(v => v.IsDefaultVersion)
        ?? Versions.FirstOrDefault(v => string.Equals(v.VersionId, DefaultVersionId, StringComparison.Ordinal));

    /// <summary>The document evaluation uses: the default version's.</summary>
    public IamPolicyJson? DefaultDocument => DefaultVersion?.Document;
}
