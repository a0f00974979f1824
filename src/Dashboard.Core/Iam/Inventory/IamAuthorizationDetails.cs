using System.Text.RegularExpressions;

namespace Dashboard.Core.Iam.Inventory;

/// <summary>
/// What GetAccountAuthorizationDetails returns — users, groups, roles and managed policies — from one page,
/// several pages combined, or a whole CLI dump. <see cref="ToSnapshot"/> makes it an account snapshot.
/// </summary>
public sealed partial record IamAuthorizationDetails(
    IReadOnlyList<IamUser> Users,
    IReadOnlyList<IamGroup> Groups,
    IReadOnlyList<IamRole> Roles,
    IReadOnlyList<IamManagedPolicy> ManagedPolicies,
    bool IsTruncated,
    string? Marker,
    IReadOnlyList<string> Warnings)
{
    public static IamAuthorizationDetails Empty { get; } = new([], [], [], [], false, null, []);

    public int Count => Users.Count + Groups.Count + Roles.Count + ManagedPolicies.Count;

    /// <summary>Pages in order: the entities of all, the paging state of the last.</summary>
    public static IamAuthorizationDetails Combine(IReadOnlyCollection<IamAuthorizationDetails> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        if (pages.Count == 0)
        {
            return Empty;
        }

        var last = pages.Last();
        return new IamAuthorizationDetails(
            [.. pages.SelectMany(p => p.Users)],
            [.. pages.SelectMany(p => p.Groups)],
            [.. pages.SelectMany(p => p.Roles)],
            [.. pages.SelectMany(p => p.ManagedPolicies)],
            last.IsTruncated,
            last.Marker,
            [.. pages.SelectMany(p => p.Warnings)]);
    }

    /// <summary>
    /// The account the entities belong to, from their ARNs (arn:aws:iam::123456789012:user/…); null when
    /// there is no local entity (e.g. only AWS-managed policies). Several accounts: the most frequent.
    /// </summary>
    public string? InferAccountId()
    {
        var arns = Users.Select(u => u.Arn).Concat(Groups.Select(g => g.Arn)).Concat(Roles.Select(r => r.Arn))
            .Concat(ManagedPolicies.Where(p => !p.IsAwsManaged).Select(p => p.Arn));
        return arns.Select(a => EntityArn().Match(a)).Where(m => m.Success).Select(m => m.Groups["account"].Value)
            .GroupBy(a => a, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();
    }

    /// <summary>
    /// The other accounts the users, groups, roles and customer-managed policies belong to by their ARNs,
    /// in order; empty when they are all <paramref name="accountId"/>'s.
    /// </summary>
    public IReadOnlyList<string> AccountsOtherThan(string accountId) =>
        [.. Users.Select(u => u.Arn).Concat(Groups.Select(g => g.Arn)).Concat(Roles.Select(r => r.Arn))
            .Concat(ManagedPolicies.Where(p => !p.IsAwsManaged).Select(p => p.Arn))
            .Select(a => EntityArn().Match(a)).Where(m => m.Success && m.Groups["account"].Value != accountId)
            .Select(m => m.Groups["account"].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// A snapshot of <paramref name="accountId"/> holding these entities. Warnings note what a reader of the
    /// snapshot should know: a truncated source, attached policies the source does not include, entities of
    /// another account.
    /// </summary>
    public IamAccountSnapshot ToSnapshot(string accountId, DateTimeOffset collectedAt, IamSnapshotSource source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var warnings = new List<string>(Warnings);
        if (IsTruncated)
        {
            warnings.Add("The authorization details are truncated (IsTruncated is true): entities on later pages are missing.");
        }

        var foreign = AccountsOtherThan(accountId);
        if (foreign.Count > 0)
        {
            warnings.Add($"Some entities belong to account {string.Join(", ", foreign)}, not {accountId}.");
        }

        var known = new HashSet<string>(ManagedPolicies.Select(p => p.Arn), StringComparer.Ordinal);
        var attached = Users.SelectMany(u => u.AttachedPolicies.Select(a => a.PolicyArn).Concat(u.PermissionsBoundary is { } b ? [b.PolicyArn] : []))
            .Concat(Groups.SelectMany(g => g.AttachedPolicies.Select(a => a.PolicyArn)))
            .Concat(Roles.SelectMany(r => r.AttachedPolicies.Select(a => a.PolicyArn).Concat(r.PermissionsBoundary is { } b ? [b.PolicyArn] : [])));
        var missing = attached.Where(a => !known.Contains(a)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            warnings.Add($"Attached policies missing from the policy list (their permissions are unknown): {string.Join(", ", missing)}.");
        }

        return new IamAccountSnapshot
        {
            AccountId = accountId,
            CollectedAt = collectedAt,
            Source = source,
            Users = Users,
            Groups = Groups,
            Roles = Roles,
            ManagedPolicies = ManagedPolicies,
            Warnings = warnings,
        };
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::(?<account>\d{12}):(user|group|role|policy)/")]
    private static partial Regex EntityArn();
}
