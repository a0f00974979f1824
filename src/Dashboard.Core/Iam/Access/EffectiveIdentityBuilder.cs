using System.Collections.Concurrent;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Access;

/// <summary>
/// Builds <see cref="EffectiveIdentity"/>s from one account's snapshot. Managed policies are parsed once
/// (the snapshot's <see cref="IamPolicyJson.Parse"/> caches) and each group's policy list is built once,
/// so thousands of principals share the same compiled documents. Safe to use from several threads.
/// </summary>
public sealed class EffectiveIdentityBuilder
{
    private readonly ConcurrentDictionary<string, PolicyParseResult> _managed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<PolicyInput>> _groups = new(StringComparer.OrdinalIgnoreCase);

    public EffectiveIdentityBuilder(IamAccountSnapshot snapshot, string? organizationId = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot = snapshot;
        OrganizationId = organizationId;
    }

    public IamAccountSnapshot Snapshot { get; }

    public string? OrganizationId { get; }

    public EffectiveIdentity ForRoot() => new()
    {
        Principal = WithOrganization(PrincipalContext.ForRoot(Snapshot.AccountId, PartitionOf(Snapshot))),
        Name = "root",
    };

    public EffectiveIdentity ForUser(IamUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var who = $"user {user.UserName}";
        var policies = new List<PolicyInput>(user.InlinePolicies.Count + user.AttachedPolicies.Count + 4);
        AddOwn(policies, user.InlinePolicies, user.AttachedPolicies, who);
        foreach (var groupName in user.GroupNames)
        {
            policies.AddRange(GroupPolicies(groupName));
        }

        return new EffectiveIdentity
        {
            Principal = WithOrganization(PrincipalContext.ForUser(user.Arn, Tags(user.Tags), NullIfEmpty(user.UserId))),
            Name = user.UserName,
            IdentityPolicies = policies,
            PermissionsBoundary = Boundary(user.PermissionsBoundary),
            GroupNames = user.GroupNames,
            User = user,
        };
    }

    public EffectiveIdentity ForRole(IamRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var policies = new List<PolicyInput>(role.InlinePolicies.Count + role.AttachedPolicies.Count);
        AddOwn(policies, role.InlinePolicies, role.AttachedPolicies, $"role {role.RoleName}");
        return new EffectiveIdentity
        {
            Principal = WithOrganization(PrincipalContext.ForRole(role.Arn, Tags(role.Tags))),
            Name = role.RoleName,
            IdentityPolicies = policies,
            PermissionsBoundary = Boundary(role.PermissionsBoundary),
            Role = role,
        };
    }

    /// <summary>The user's identity, or null with the reason when its ARN cannot be read as a user's (odd dumps).</summary>
    public EffectiveIdentity? TryForUser(IamUser user, out string? error) => Try(() => ForUser(user), out error);

    /// <summary>The role's identity, or null with the reason when its ARN cannot be read as a role's.</summary>
    public EffectiveIdentity? TryForRole(IamRole role, out string? error) => Try(() => ForRole(role), out error);

    /// <summary>The policies a group gives its members, named after the group (built once per group).</summary>
    public IReadOnlyList<PolicyInput> GroupPolicies(string groupName) => _groups.GetOrAdd(groupName, name =>
    {
        if (Snapshot.FindGroup(name) is not { } group)
        {
            return
            [
                new PolicyInput(
                    $"policies of group {name}",
                    PolicyParseResult.Failure($"group '{name}' is not in the snapshot, so the permissions it gives are unknown")),
            ];
        }

        var list = new List<PolicyInput>(group.InlinePolicies.Count + group.AttachedPolicies.Count);
        AddOwn(list, group.InlinePolicies, group.AttachedPolicies, $"group {group.GroupName}");
        return list;
    });

    /// <summary>A managed policy's default version, parsed once; a clear failure when the snapshot lacks it.</summary>
    public PolicyParseResult ManagedPolicy(string policyArn) => _managed.GetOrAdd(policyArn, arn =>
    {
        if (Snapshot.FindManagedPolicy(arn) is not { } policy)
        {
            return PolicyParseResult.Failure($"managed policy {arn} is not in the snapshot, so its permissions are unknown");
        }

        return policy.DefaultDocument is { } document
            ? document.Parse()
            : PolicyParseResult.Failure($"managed policy {arn} has no default version document in the snapshot");
    });

    private void AddOwn(List<PolicyInput> policies, IReadOnlyList<IamInlinePolicy> inline, IReadOnlyList<IamAttachedPolicy> attached, string owner)
    {
        foreach (var policy in inline)
        {
            policies.Add(new PolicyInput($"inline policy {policy.PolicyName} on {owner}", policy.Document.Parse()));
        }

        foreach (var policy in attached)
        {
            policies.Add(new PolicyInput($"managed policy {policy.PolicyArn} attached to {owner}", ManagedPolicy(policy.PolicyArn)));
        }
    }

    private PolicyInput? Boundary(IamPermissionsBoundary? boundary) =>
        boundary is null ? null : new PolicyInput($"permissions boundary {boundary.PolicyArn}", ManagedPolicy(boundary.PolicyArn));

    private PrincipalContext WithOrganization(PrincipalContext principal) =>
        OrganizationId is null ? principal : principal.WithOrganization(OrganizationId);

    private static EffectiveIdentity? Try(Func<EffectiveIdentity> build, out string? error)
    {
        try
        {
            error = null;
            return build();
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static Dictionary<string, string>? Tags(IReadOnlyList<IamTag> tags)
    {
        // GetAccountAuthorizationDetails returns every tag of users and roles, so an empty list means
        // "no tags" (aws:PrincipalTag/* absent), not "unknown".
        var map = new Dictionary<string, string>(tags.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        return map;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string PartitionOf(IamAccountSnapshot snapshot)
    {
        var arn = snapshot.Users.Select(u => u.Arn).Concat(snapshot.Roles.Select(r => r.Arn)).FirstOrDefault();
        return arn is not null && arn.StartsWith("arn:", StringComparison.Ordinal) && arn.IndexOf(':', 4) is var end and > 4 ? arn[4..end] : "aws";
    }
}
