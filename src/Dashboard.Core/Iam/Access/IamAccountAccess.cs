using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Iam.Access;

/// <summary>
/// Access questions about one account's IAM: "can principal P do A on R?", "who can do A on R?", and the
/// principals with their effective policies, built lazily and streamed so an account with thousands of
/// principals never holds them all. Policies are parsed once per account (see <see cref="EffectiveIdentityBuilder"/>).
/// </summary>
public sealed class IamAccountAccess
{
    /// <summary>STS actions a role's trust policy governs (IAM User Guide, role trust policies).</summary>
    private static readonly HashSet<string> TrustGovernedActions = new(StringComparer.OrdinalIgnoreCase)
    {
        "sts:AssumeRole",
        "sts:AssumeRoleWithSAML",
        "sts:AssumeRoleWithWebIdentity",
        "sts:TagSession",
        "sts:SetSourceIdentity",
    };

    private readonly Lazy<Dictionary<string, object>> _byArn;
    private readonly Dictionary<string, PolicyInput> _trustPolicies = new(StringComparer.Ordinal);

    public IamAccountAccess(IamAccountSnapshot snapshot, AccessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Snapshot = snapshot;
        Options = options ?? new AccessOptions();
        Identities = new EffectiveIdentityBuilder(snapshot, Options.OrganizationId);
        Scope = new AccessScope(
            Options.BaseContext(),
            Options.MissingKeys,
            Options.RequestTime,
            Options.ManagementAccountId is not null && string.Equals(Options.ManagementAccountId, snapshot.AccountId, StringComparison.Ordinal))
        {
            ResourcePolicyOf = ResourcePolicyFor,
        };
        _byArn = new Lazy<Dictionary<string, object>>(IndexByArn);
    }

    public IamAccountSnapshot Snapshot { get; }

    public AccessOptions Options { get; }

    public EffectiveIdentityBuilder Identities { get; }

    internal AccessScope Scope { get; }

    /// <summary>
    /// Users, then roles, then (optionally) the root user, each built when reached. A user or role whose
    /// ARN cannot be read (an odd dump) is skipped here; <see cref="Risks.IamRiskAnalyzer"/> reports it.
    /// </summary>
    public IEnumerable<EffectiveIdentity> Principals(bool includeRoot = true)
    {
        foreach (var user in Snapshot.Users)
        {
            if (Identities.TryForUser(user, out _) is { } identity)
            {
                yield return identity;
            }
        }

        foreach (var role in Snapshot.Roles)
        {
            if (Identities.TryForRole(role, out _) is { } identity)
            {
                yield return identity;
            }
        }

        if (includeRoot)
        {
            yield return Identities.ForRoot();
        }
    }

    /// <summary>
    /// The principal with this ARN: a user or role of the snapshot, or the account's root user (its ARN
    /// or the bare account id). False with a message naming the problem otherwise.
    /// </summary>
    public bool TryFind(string? principalArn, out EffectiveIdentity? identity, out string? error)
    {
        identity = null;
        error = null;
        var arn = principalArn?.Trim() ?? string.Empty;
        if (arn.Length == 0)
        {
            error = "principal: missing principal ARN";
            return false;
        }

        if (arn == Snapshot.AccountId || arn.EndsWith($":iam::{Snapshot.AccountId}:root", StringComparison.Ordinal))
        {
            identity = Identities.ForRoot();
            return true;
        }

        switch (_byArn.Value.GetValueOrDefault(arn))
        {
            case IamUser user:
                identity = Identities.TryForUser(user, out error);
                return identity is not null;
            case IamRole role:
                identity = Identities.TryForRole(role, out error);
                return identity is not null;
        }

        error = PrincipalContext.TryFromArn(arn, out _, out var parseError)
            ? $"principal: '{arn}' is not a user or role of account {Snapshot.AccountId} in this snapshot"
            : $"principal: {parseError}";
        return false;
    }

    /// <summary>The principal with this ARN; <see cref="ArgumentException"/> naming the problem when there is none.</summary>
    public EffectiveIdentity Find(string principalArn) =>
        TryFind(principalArn, out var identity, out var error) ? identity! : throw new ArgumentException(error, nameof(principalArn));

    /// <summary>A memoising evaluator for one principal, with the account's SCP chain when given.</summary>
    public PrincipalAccess For(EffectiveIdentity identity, IReadOnlyList<OrganizationPolicyLevel>? serviceControlPolicies = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new PrincipalAccess(identity, serviceControlPolicies, Scope);
    }

    /// <summary>
    /// "Can this principal perform the action on the resource?", fully evaluated with its explanation.
    /// Malformed input (unknown principal, an action that is not service:Name) throws
    /// <see cref="ArgumentException"/> with a message naming what is wrong.
    /// </summary>
    public EvaluationResult Can(
        string principalArn,
        string action,
        string resource = "*",
        ContextKeys? context = null,
        IReadOnlyList<OrganizationPolicyLevel>? serviceControlPolicies = null,
        PolicyInput? resourcePolicy = null) =>
        For(Find(principalArn), serviceControlPolicies).Explain(action, resource, resourcePolicy, context);

    /// <summary>"Who in this account can perform the action on the resource?" (see <see cref="WhoCanQuery"/>).</summary>
    public WhoCanResult WhoCan(
        string action,
        string resource = "*",
        ContextKeys? context = null,
        IReadOnlyList<OrganizationPolicyLevel>? serviceControlPolicies = null,
        PolicyInput? resourcePolicy = null) =>
        WhoCanQuery.Run(this, action, resource, context, serviceControlPolicies, resourcePolicy);

    /// <summary>
    /// The resource-based policy of a resource this snapshot holds: a role's trust policy for the STS actions
    /// it governs. AWS requires a trust policy to allow role assumption explicitly (identity permissions alone
    /// never suffice), so "can P assume R?" must never be answered without it. Null for anything else.
    /// </summary>
    public PolicyInput? ResourcePolicyFor(string action, string resource)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        if (!TrustGovernedActions.Contains(action.Trim())
            || _byArn.Value.GetValueOrDefault(resource.Trim()) is not IamRole role
            || role.TrustPolicy is not { } trust)
        {
            return null;
        }

        lock (_trustPolicies)
        {
            if (!_trustPolicies.TryGetValue(role.Arn, out var input))
            {
                _trustPolicies[role.Arn] = input = new PolicyInput($"trust policy of role '{role.RoleName}'", trust.Parse());
            }

            return input;
        }
    }

    private Dictionary<string, object> IndexByArn()
    {
        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var user in Snapshot.Users)
        {
            map.TryAdd(user.Arn, user);
        }

        foreach (var role in Snapshot.Roles)
        {
            map.TryAdd(role.Arn, role);
        }

        return map;
    }
}
