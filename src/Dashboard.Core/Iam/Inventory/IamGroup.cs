namespace Dashboard.Core.Iam.Inventory;

/// <summary>An IAM group: its policies apply to every member user.</summary>
public sealed record IamGroup
{
    public required string Arn { get; init; }

    public required string GroupName { get; init; }

    public string GroupId { get; init; } = "";

    public string Path { get; init; } = "/";

    public DateTimeOffset? CreateDate { get; init; }

    public IReadOnlyList<IamInlinePolicy> InlinePolicies { get; init; } = [];

    public IReadOnlyList<IamAttachedPolicy> AttachedPolicies { get; init; } = [];
}
