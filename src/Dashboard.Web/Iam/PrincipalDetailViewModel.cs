using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Organizations;
using Dashboard.Data.Iam;
using Dashboard.Web.Components.Shared;

namespace Dashboard.Web.Iam;

public enum IamEntityKind
{
    User,
    Role,
    Group,
    ManagedPolicy,
    Root,
}

/// <summary>A named link (a group, a member, an entity a policy is attached to).</summary>
public sealed record IamEntityLink(string Name, string Arn, string Href, string? Note = null);

/// <summary>
/// Everything the principal detail page shows about one user, role, group, managed policy or the root
/// user, read from the account's snapshot; built without rendering so tests can check it.
/// </summary>
public sealed class PrincipalDetailViewModel
{
    private PrincipalDetailViewModel(string accountId, string arn, string name, IamEntityKind kind)
    {
        AccountId = accountId;
        Arn = arn;
        Name = name;
        Kind = kind;
    }

    public string AccountId { get; }
    public string Arn { get; }
    public string Name { get; }
    public IamEntityKind Kind { get; }
    public string? Path { get; private init; }
    public DateTimeOffset? CreateDate { get; private init; }
    public DateTimeOffset SnapshotCollectedAt { get; private init; }

    /// <summary>Inline and attached policies, then (users) those each group gives; each with its pretty JSON or parse error.</summary>
    public IReadOnlyList<PolicyDocumentView> Policies { get; private init; } = [];

    public IReadOnlyList<IamEntityLink> Groups { get; private init; } = [];

    /// <summary>Group members, or the entities a managed policy is attached to.</summary>
    public IReadOnlyList<IamEntityLink> Members { get; private init; } = [];

    public PolicyDocumentView? PermissionsBoundary { get; private init; }

    public PolicyDocumentView? TrustPolicy { get; private init; }

    /// <summary>Managed policies: every stored version, the default first.</summary>
    public IReadOnlyList<PolicyDocumentView> Versions { get; private init; } = [];

    public string? Description { get; private init; }

    public string? LastUsed { get; private init; }

    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; private init; } = [];

    public IReadOnlyList<string> InstanceProfiles { get; private init; } = [];

    /// <summary>The user's (or root's) credential report row as label/value pairs; empty when there is none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> CredentialReport { get; private init; } = [];

    /// <summary>Why <see cref="CredentialReport"/> is empty, for users and the root user.</summary>
    public string? CredentialReportNote { get; private init; }

    /// <summary>Users, roles and root: what they can do, by service. Null for groups and policies.</summary>
    public EffectivePermissionsView? Permissions { get; private init; }

    public IReadOnlyList<IamRiskRow> Risks { get; private init; } = [];

    public string CanHref => IamLinks.Can(AccountId, Kind is IamEntityKind.User or IamEntityKind.Role or IamEntityKind.Root ? Arn : null);

    /// <summary>Effective permissions and conditional risk actions re-checked for one Region (the page's <c>region</c>), or null.</summary>
    public RegionRecheckView? Region { get; private set; }

    /// <summary>
    /// A Region to re-check in when something on the page holds only if conditions hold: the first candidate
    /// Region the principal is not denied in. Null when nothing is conditional, no Region is configured, or
    /// <see cref="Region"/> is already set.
    /// </summary>
    public string? RegionOffer { get; private set; }

    public string? RegionOfferHref => RegionOffer is null ? null : IamLinks.Principal(AccountId, Arn, RegionOffer);

    /// <summary>This page without the Region (the conditional answers only).</summary>
    public string WithoutRegionHref => IamLinks.Principal(AccountId, Arn);

    /// <summary>
    /// Builds the detail of <paramref name="arn"/>; null when the snapshot holds no such entity. The
    /// organization, when loaded and holding the account, supplies the SCPs for effective permissions. With
    /// <paramref name="region"/>, users, roles and root are re-checked for requests to it; without, the first of
    /// <paramref name="regionCandidates"/> they are not denied in is offered when an answer is conditional.
    /// </summary>
    public static PrincipalDetailViewModel? Build(
        IamAccountSnapshot snapshot,
        string arn,
        IReadOnlyList<IamRiskRow> risks,
        OrganizationSnapshot? organization,
        DateTimeOffset now,
        IReadOnlyList<string>? regionCandidates = null,
        string? region = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(risks);
        arn = arn?.Trim() ?? "";
        if (arn.Length == 0) return null;
        var access = new IamAccountAccess(snapshot, AccessOptionsFor(snapshot.AccountId, organization, now));
        var scps = ScpChain(snapshot.AccountId, organization);
        var mine = risks.Where(r => string.Equals(r.ResourceArn, arn, StringComparison.Ordinal)).ToList();
        var detail = Find(snapshot, arn, access, scps, mine);
        if (detail?.Permissions is not null)
        {
            detail.CheckRegion(snapshot, organization, now, scps, regionCandidates ?? [], region);
        }

        return detail;
    }

    private static PrincipalDetailViewModel? Find(
        IamAccountSnapshot snapshot, string arn, IamAccountAccess access, IReadOnlyList<Dashboard.Core.Iam.Evaluation.OrganizationPolicyLevel>? scps, List<IamRiskRow> mine)
    {
        if (snapshot.Users.FirstOrDefault(u => u.Arn == arn) is { } user) return ForUser(snapshot, user, access, scps, mine);
        if (snapshot.Roles.FirstOrDefault(r => r.Arn == arn) is { } role) return ForRole(snapshot, role, access, scps, mine);
        if (snapshot.Groups.FirstOrDefault(g => g.Arn == arn) is { } group) return ForGroup(snapshot, group, mine);
        if (snapshot.FindManagedPolicy(arn) is { } policy) return ForPolicy(snapshot, policy, mine);
        if (arn == snapshot.AccountId || arn.EndsWith($":iam::{snapshot.AccountId}:root", StringComparison.Ordinal))
        {
            return ForRoot(snapshot, access, scps, mine);
        }

        return null;
    }

    private void CheckRegion(
        IamAccountSnapshot snapshot,
        OrganizationSnapshot? organization,
        DateTimeOffset now,
        IReadOnlyList<Dashboard.Core.Iam.Evaluation.OrganizationPolicyLevel>? scps,
        IReadOnlyList<string> candidates,
        string? region)
    {
        if (region is not null)
        {
            Region = RegionRecheck.ForPrincipal(snapshot, Arn, Risks, organization, now, region);
            return;
        }

        if (RegionRecheck.ProbeAction(Permissions, Risks) is not { } probe) return;
        RegionOffer = RegionRecheck.Pick(candidates, candidate =>
        {
            var access = RegionRecheck.AccessIn(snapshot, organization, now, candidate);
            return access.TryFind(Arn, out var identity, out _) ? AccessDecisionView.Labels.Decide(access.For(identity!, scps).Can(probe)) : null;
        });
    }

    /// <summary>The request facts every access question of this account assumes (organization, management account, now).</summary>
    public static AccessOptions AccessOptionsFor(string accountId, OrganizationSnapshot? organization, DateTimeOffset now)
        => new()
        {
            RequestTime = now,
            OrganizationId = organization?.FindAccount(accountId) is not null ? organization.Organization.Id : null,
            ManagementAccountId = organization?.ManagementAccountId,
        };

    /// <summary>The account's SCP chain when the loaded organization holds it; null otherwise.</summary>
    public static IReadOnlyList<Dashboard.Core.Iam.Evaluation.OrganizationPolicyLevel>? ScpChain(string accountId, OrganizationSnapshot? organization)
        => organization?.FindAccount(accountId) is not null ? EffectivePolicies.ForAccount(organization, accountId) : null;

    private static PrincipalDetailViewModel ForUser(
        IamAccountSnapshot snapshot, IamUser user, IamAccountAccess access, IReadOnlyList<Dashboard.Core.Iam.Evaluation.OrganizationPolicyLevel>? scps, List<IamRiskRow> risks)
    {
        var policies = OwnPolicies(snapshot, user.InlinePolicies, user.AttachedPolicies, null);
        var groups = new List<IamEntityLink>();
        foreach (var name in user.GroupNames)
        {
            if (snapshot.FindGroup(name) is { } group)
            {
                groups.Add(new IamEntityLink(group.GroupName, group.Arn, IamLinks.Principal(snapshot.AccountId, group.Arn)));
                policies.AddRange(OwnPolicies(snapshot, group.InlinePolicies, group.AttachedPolicies, group.GroupName));
            }
            else
            {
                groups.Add(new IamEntityLink(name, "", "", "not in the snapshot: the permissions it gives are unknown"));
            }
        }

        var row = snapshot.CredentialReport?.FindByArn(user.Arn);
        return new PrincipalDetailViewModel(snapshot.AccountId, user.Arn, user.UserName, IamEntityKind.User)
        {
            Path = user.Path,
            CreateDate = user.CreateDate,
            SnapshotCollectedAt = snapshot.CollectedAt,
            Policies = policies,
            Groups = groups,
            PermissionsBoundary = Boundary(snapshot, user.PermissionsBoundary),
            LastUsed = row is null ? null : CredentialReportText.LastUsed(row),
            Tags = [.. user.Tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value))],
            CredentialReport = row is null ? [] : CredentialReportText.Rows(row),
            CredentialReportNote = row is not null ? null : CredentialReportText.NoRowNote(snapshot),
            Permissions = EffectivePermissionsView.For(access, access.Identities.TryForUser(user, out var error), error, scps),
            Risks = risks,
        };
    }

    private static PrincipalDetailViewModel ForRole(
        IamAccountSnapshot snapshot, IamRole role, IamAccountAccess access, IReadOnlyList<Dashboard.Core.Iam.Evaluation.OrganizationPolicyLevel>? scps, List<IamRiskRow> risks)
        => new(snapshot.AccountId, role.Arn, role.RoleName, IamEntityKind.Role)
        {
            Path = role.Path,
            CreateDate = role.CreateDate,
            SnapshotCollectedAt = snapshot.CollectedAt,
            Policies = OwnPolicies(snapshot, role.InlinePolicies, role.AttachedPolicies, null),
            PermissionsBoundary = Boundary(snapshot, role.PermissionsBoundary),
            TrustPolicy = role.TrustPolicy is null ? null : PolicyText.View("Trust policy", "Who may assume this role (AssumeRolePolicyDocument)", null, role.TrustPolicy),
            LastUsed = role.LastUsed switch
            {
                null => "Unknown: the source did not say",
                { LastUsedDate: { } at } used => DisplayText.Time(at) + (used.Region is { Length: > 0 } region ? $" in {region}" : ""),
                _ => "Not used within IAM's tracking window (about 400 days)",
            },
            Tags = [.. role.Tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value))],
            InstanceProfiles = [.. role.InstanceProfiles.Select(p => p.InstanceProfileName)],
            Permissions = EffectivePermissionsView.For(access, access.Identities.TryForRole(role, out var error), error, scps),
            Risks = risks,
        };

    private static PrincipalDetailViewModel ForGroup(IamAccountSnapshot snapshot, IamGroup group, List<IamRiskRow> risks)
        => new(snapshot.AccountId, group.Arn, group.GroupName, IamEntityKind.Group)
        {
            Path = group.Path,
            CreateDate = group.CreateDate,
            SnapshotCollectedAt = snapshot.CollectedAt,
            Policies = OwnPolicies(snapshot, group.InlinePolicies, group.AttachedPolicies, null),
            Members = [.. snapshot.Users
                .Where(u => u.GroupNames.Contains(group.GroupName, StringComparer.OrdinalIgnoreCase))
                .Select(u => new IamEntityLink(u.UserName, u.Arn, IamLinks.Principal(snapshot.AccountId, u.Arn)))],
            Risks = risks,
        };

    private static PrincipalDetailViewModel ForPolicy(IamAccountSnapshot snapshot, IamManagedPolicy policy, List<IamRiskRow> risks)
    {
        var attached = new List<IamEntityLink>();
        foreach (var user in snapshot.Users.Where(u => u.AttachedPolicies.Any(a => a.PolicyArn == policy.Arn)))
            attached.Add(new IamEntityLink(user.UserName, user.Arn, IamLinks.Principal(snapshot.AccountId, user.Arn), "user"));
        foreach (var group in snapshot.Groups.Where(g => g.AttachedPolicies.Any(a => a.PolicyArn == policy.Arn)))
            attached.Add(new IamEntityLink(group.GroupName, group.Arn, IamLinks.Principal(snapshot.AccountId, group.Arn), "group"));
        foreach (var role in snapshot.Roles.Where(r => r.AttachedPolicies.Any(a => a.PolicyArn == policy.Arn)))
            attached.Add(new IamEntityLink(role.RoleName, role.Arn, IamLinks.Principal(snapshot.AccountId, role.Arn), "role"));
        foreach (var user in snapshot.Users.Where(u => u.PermissionsBoundary?.PolicyArn == policy.Arn))
            attached.Add(new IamEntityLink(user.UserName, user.Arn, IamLinks.Principal(snapshot.AccountId, user.Arn), "user, as permissions boundary"));
        foreach (var role in snapshot.Roles.Where(r => r.PermissionsBoundary?.PolicyArn == policy.Arn))
            attached.Add(new IamEntityLink(role.RoleName, role.Arn, IamLinks.Principal(snapshot.AccountId, role.Arn), "role, as permissions boundary"));

        var versions = policy.Versions
            .OrderByDescending(v => v == policy.DefaultVersion)
            .ThenByDescending(v => v.CreateDate)
            .Select(v => PolicyText.View(
                $"Version {v.VersionId}",
                (v == policy.DefaultVersion ? "Default version (used for evaluation)" : "Not the default version") + (v.CreateDate is { } at ? $" · created {DisplayText.Time(at)}" : ""),
                null,
                v.Document))
            .ToList();
        return new PrincipalDetailViewModel(snapshot.AccountId, policy.Arn, policy.PolicyName, IamEntityKind.ManagedPolicy)
        {
            Path = policy.Path,
            CreateDate = policy.CreateDate,
            SnapshotCollectedAt = snapshot.CollectedAt,
            Description = policy.Description,
            Versions = versions,
            Members = attached,
            Risks = risks,
        };
    }

    private static PrincipalDetailViewModel ForRoot(
        IamAccountSnapshot snapshot, IamAccountAccess access, IReadOnlyList<Dashboard.Core.Iam.Evaluation.OrganizationPolicyLevel>? scps, List<IamRiskRow> risks)
    {
        var identity = access.Identities.ForRoot();
        var row = snapshot.CredentialReport?.Root;
        return new PrincipalDetailViewModel(snapshot.AccountId, identity.Arn, "root", IamEntityKind.Root)
        {
            SnapshotCollectedAt = snapshot.CollectedAt,
            LastUsed = row is null ? null : CredentialReportText.LastUsed(row),
            CredentialReport = row is null ? [] : CredentialReportText.Rows(row),
            CredentialReportNote = row is not null ? null : CredentialReportText.NoRowNote(snapshot),
            Permissions = EffectivePermissionsView.For(access, identity, null, scps),
            Risks = risks,
        };
    }

    private static List<PolicyDocumentView> OwnPolicies(
        IamAccountSnapshot snapshot, IReadOnlyList<IamInlinePolicy> inline, IReadOnlyList<IamAttachedPolicy> attached, string? viaGroup)
    {
        var via = viaGroup is null ? "" : $"Via group {viaGroup} · ";
        var views = new List<PolicyDocumentView>();
        foreach (var policy in inline)
        {
            views.Add(PolicyText.View(policy.PolicyName, via + "Inline policy", null, policy.Document));
        }

        foreach (var reference in attached)
        {
            views.Add(ManagedView(snapshot, reference.PolicyName, reference.PolicyArn, via + "Attached managed policy"));
        }

        return views;
    }

    private static PolicyDocumentView? Boundary(IamAccountSnapshot snapshot, IamPermissionsBoundary? boundary)
        => boundary is null ? null : ManagedView(snapshot, NameOf(boundary.PolicyArn), boundary.PolicyArn, "Permissions boundary");

    private static PolicyDocumentView ManagedView(IamAccountSnapshot snapshot, string name, string arn, string role)
    {
        var policy = snapshot.FindManagedPolicy(arn);
        var owner = policy is null ? "" : policy.IsAwsManaged ? " (AWS managed)" : " (customer managed)";
        var version = policy?.DefaultVersion is { } v ? $", default version {v.VersionId}" : "";
        if (policy?.DefaultDocument is null)
        {
            var why = policy is null
                ? "the snapshot does not hold this managed policy, so its permissions are unknown"
                : "the snapshot holds no default version document for this policy";
            return new PolicyDocumentView(name, role + owner, arn, "", why, []);
        }

        return PolicyText.View(name, role + owner + version, arn, policy.DefaultDocument);
    }

    private static string NameOf(string policyArn)
    {
        var slash = policyArn.LastIndexOf('/');
        return slash >= 0 && slash < policyArn.Length - 1 ? policyArn[(slash + 1)..] : policyArn;
    }
}
