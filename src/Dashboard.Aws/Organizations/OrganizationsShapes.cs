namespace Dashboard.Aws.Organizations;

/// <summary>One page of a List operation: the items, the NextToken (null on the last page) and the SDK's retries.</summary>
public sealed record OrganizationsPage<T>(IReadOnlyList<T> Items, string? NextToken, int Retries);

/// <summary>Root (ListRoots) with the policy types whose status is ENABLED.</summary>
public sealed record RootSummary(string Id, string? Arn, string Name, IReadOnlyList<string> EnabledPolicyTypes);

/// <summary>OrganizationalUnit (ListOrganizationalUnitsForParent).</summary>
public sealed record OrganizationalUnitSummary(string Id, string? Arn, string Name);

/// <summary>Account (ListAccountsForParent). Status is the State member, or Status when State is absent.</summary>
public sealed record AccountSummary(string Id, string? Arn, string Name, string Email, string Status, string? JoinedMethod, DateTimeOffset? JoinedAt);

/// <summary>PolicySummary (ListPolicies, ListPoliciesForTarget, DescribePolicy).</summary>
public sealed record PolicySummary(string Id, string? Arn, string Name, string? Description, string Type, bool AwsManaged);

/// <summary>DescribePolicy: the summary and the content, a JSON document as a string.</summary>
public sealed record PolicyDetail(PolicySummary Summary, string Content);
