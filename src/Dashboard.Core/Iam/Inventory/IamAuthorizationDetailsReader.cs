using System.Text.Json;

namespace Dashboard.Core.Iam.Inventory;

/// <summary>
/// Reads GetAccountAuthorizationDetails output in the CLI/SDK JSON shape (UserDetailList, GroupDetailList,
/// RoleDetailList, Policies): an <c>aws iam get-account-authorization-details</c> dump, a list of such
/// pages, or one page converted from the wire. Policy documents may be JSON objects or URL-encoded strings;
/// they are kept decoded and parsed only on demand. Structural problems throw
/// <see cref="IamInventoryFormatException"/> naming the member.
/// </summary>
public static class IamAuthorizationDetailsReader
{
    private static readonly string[] Lists = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128 };

    /// <summary>Reads dump text; what is wrong with it (not JSON, wrong shape) is in the exception's message.</summary>
    public static IamAuthorizationDetails Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new IamInventoryFormatException("The authorization details are empty.");
        }

        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1})" : string.Empty;
            throw new IamInventoryFormatException($"The authorization details are not valid JSON{where}.", ex);
        }
        catch (InvalidOperationException ex)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON that JsonElement.GetString refuses to read.
            throw new IamInventoryFormatException("The authorization details hold a string that is not valid text (an unpaired \\u surrogate escape).", ex);
        }
    }

    /// <summary>Reads one object (a dump or a page) or a list of pages.</summary>
    public static IamAuthorizationDetails Read(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            var pages = new List<IamAuthorizationDetails>();
            var index = 0;
            foreach (var page in root.EnumerateArray())
            {
                pages.Add(ReadPage(page, $"[{index++}]"));
            }

            return IamAuthorizationDetails.Combine(pages);
        }

        return ReadPage(root, "$");
    }

    /// <summary>Reads a dump as the snapshot of <paramref name="accountId"/> (or the account its ARNs name when null).</summary>
    public static IamAccountSnapshot ReadSnapshot(string json, string? accountId, DateTimeOffset collectedAt)
    {
        var details = Read(json);
        var account = accountId ?? details.InferAccountId()
            ?? throw new IamInventoryFormatException("The dump names no account (no user, group, role or customer-managed policy ARN): give the account id.");
        return details.ToSnapshot(account, collectedAt, IamSnapshotSource.AuthorizationDetailsDump);
    }

    private static IamAuthorizationDetails ReadPage(JsonElement element, string path)
    {
        var warnings = new List<string>();
        var page = new IamJson(element, path, warnings);
        if (!Lists.Any(page.Has) && !page.Has("IsTruncated"))
        {
            throw new IamInventoryFormatException(
                $"{path} is not GetAccountAuthorizationDetails output: it has none of {string.Join(", ", Lists)}.");
        }

        return new IamAuthorizationDetails(
            [.. page.Objects("UserDetailList").Select(ReadUser)],
            [.. page.Objects("GroupDetailList").Select(ReadGroup)],
            [.. page.Objects("RoleDetailList").Select(ReadRole)],
            [.. page.Objects("Policies").Select(ReadPolicy)],
            page.OptionalBool("IsTruncated") ?? false,
            page.OptionalString("Marker"),
            warnings);
    }

    private static IamUser ReadUser(IamJson user) => new()
    {
        Arn = user.RequiredString("Arn"),
        UserName = user.RequiredString("UserName"),
        UserId = user.OptionalString("UserId") ?? "",
        Path = user.OptionalString("Path") ?? "/",
        CreateDate = user.OptionalTimestamp("CreateDate"),
        InlinePolicies = InlinePolicies(user, "UserPolicyList"),
        AttachedPolicies = Attached(user),
        GroupNames = user.Strings("GroupList"),
        PermissionsBoundary = Boundary(user),
        Tags = Tags(user),
    };

    private static IamGroup ReadGroup(IamJson group) => new()
    {
        Arn = group.RequiredString("Arn"),
        GroupName = group.RequiredString("GroupName"),
        GroupId = group.OptionalString("GroupId") ?? "",
        Path = group.OptionalString("Path") ?? "/",
        CreateDate = group.OptionalTimestamp("CreateDate"),
        InlinePolicies = InlinePolicies(group, "GroupPolicyList"),
        AttachedPolicies = Attached(group),
    };

    private static IamRole ReadRole(IamJson role) => new()
    {
        Arn = role.RequiredString("Arn"),
        RoleName = role.RequiredString("RoleName"),
        RoleId = role.OptionalString("RoleId") ?? "",
        Path = role.OptionalString("Path") ?? "/",
        CreateDate = role.OptionalTimestamp("CreateDate"),
        TrustPolicy = role.Document("AssumeRolePolicyDocument"),
        InlinePolicies = InlinePolicies(role, "RolePolicyList"),
        AttachedPolicies = Attached(role),
        PermissionsBoundary = Boundary(role),
        Tags = Tags(role),
        LastUsed = role.OptionalObject("RoleLastUsed") is { } used
            ? new IamRoleLastUsed(used.OptionalTimestamp("LastUsedDate"), used.OptionalString("Region"))
            : null,
        InstanceProfiles = [.. role.Objects("InstanceProfileList").Select(ReadInstanceProfile)],
    };

    private static IamInstanceProfile ReadInstanceProfile(IamJson profile) => new(
        profile.RequiredString("Arn"),
        profile.RequiredString("InstanceProfileName"),
        profile.OptionalString("InstanceProfileId") ?? "",
        profile.OptionalString("Path") ?? "/",
        profile.OptionalTimestamp("CreateDate"),
        [.. profile.Objects("Roles").Select(r => r.RequiredString("RoleName"))]);

    private static IamManagedPolicy ReadPolicy(IamJson policy) => new()
    {
        Arn = policy.RequiredString("Arn"),
        PolicyName = policy.RequiredString("PolicyName"),
        PolicyId = policy.OptionalString("PolicyId") ?? "",
        Path = policy.OptionalString("Path") ?? "/",
        DefaultVersionId = policy.OptionalString("DefaultVersionId"),
        AttachmentCount = policy.OptionalInt("AttachmentCount") ?? 0,
        PermissionsBoundaryUsageCount = policy.OptionalInt("PermissionsBoundaryUsageCount") ?? 0,
        IsAttachable = policy.OptionalBool("IsAttachable") ?? true,
        Description = policy.OptionalString("Description"),
        CreateDate = policy.OptionalTimestamp("CreateDate"),
        UpdateDate = policy.OptionalTimestamp("UpdateDate"),
        Versions = [.. policy.Objects("PolicyVersionList").Select(v => new IamPolicyVersion(
            v.RequiredString("VersionId"),
            v.OptionalBool("IsDefaultVersion") ?? false,
            v.OptionalTimestamp("CreateDate"),
            v.Document("Document")))],
    };

    private static IReadOnlyList<IamInlinePolicy> InlinePolicies(IamJson owner, string name) =>
        [.. owner.Objects(name).Select(p => new IamInlinePolicy(
            p.RequiredString("PolicyName"),
            p.Document("PolicyDocument") ?? throw new IamInventoryFormatException($"{p.Path}.PolicyDocument is missing.")))];

    private static IReadOnlyList<IamAttachedPolicy> Attached(IamJson owner) =>
        [.. owner.Objects("AttachedManagedPolicies").Select(p => new IamAttachedPolicy(p.OptionalString("PolicyName") ?? "", p.RequiredString("PolicyArn")))];

    private static IamPermissionsBoundary? Boundary(IamJson owner) =>
        owner.OptionalObject("PermissionsBoundary") is { } boundary && boundary.OptionalString("PermissionsBoundaryArn") is { Length: > 0 } arn
            ? new IamPermissionsBoundary(arn, boundary.OptionalString("PermissionsBoundaryType") ?? IamPermissionsBoundary.PolicyType)
            : null;

    private static IReadOnlyList<IamTag> Tags(IamJson owner) =>
        [.. owner.Objects("Tags").Select(t => new IamTag(t.RequiredString("Key"), t.OptionalString("Value") ?? ""))];
}
