namespace Dashboard.Core.Iam.Inventory;

/// <summary>An IAM user as GetAccountAuthorizationDetails describes it.</summary>
public sealed record IamUser
{
    public required string Arn { get; init; }

    public required string UserName { get; init; }

    public string UserId { get; init; } = "";

    public string Path { get; init; } = "/";

    public DateTimeOffset? CreateDate { get; init; }

    public IReadOnlyList<IamInlinePolicy> InlinePolicies { get; init; } = [];

    public IReadOnlyList<IamAttachedPolicy> AttachedPolicies { get; init; } = [];

    /// <summary>Names of the groups the user belongs to.</summary>
    public IReadOnlyList<string> GroupNames { get; init; } = [];

    public IamPermissionsBoundary? PermissionsBoundary { get; init; }

    public IReadOnlyList<IamTag> Tags { get; init; } = [];
}
