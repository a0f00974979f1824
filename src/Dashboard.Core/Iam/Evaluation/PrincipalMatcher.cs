using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Evaluation;

/// <summary>
/// How directly a resource-based policy names the caller, which decides what else must allow
/// within one account (IAM User Guide, "Policy evaluation for requests within a single account").
/// </summary>
internal enum GrantScope
{
    None,

    /// <summary>The account (<c>arn:aws:iam::ID:root</c>): it delegates to the account's identity policies.</summary>
    Account,

    /// <summary>The role's ARN: still limited by the role's permissions boundary and session policies.</summary>
    Role,

    /// <summary>The user, the role session, the service, or <c>*</c>: enough on its own within the account.</summary>
    Direct,
}

internal static class PrincipalMatcher
{
    /// <summary>
    /// Matches a Principal or NotPrincipal. <paramref name="unlisted"/> is set for a NotPrincipal that names
    /// the caller itself but not its account (or, for a role session, its role): the caller is excluded, yet
    /// AWS "might validate the account first, then the role, then the assumed-role user" (IAM User Guide,
    /// NotPrincipal), so a Deny may still hit it.
    /// </summary>
    public static GrantScope Match(PrincipalList list, PrincipalContext principal, out IReadOnlyList<string>? unlisted)
    {
        unlisted = null;
        if (!list.IsNegated)
        {
            return MatchPositive(list, principal);
        }

        // NotPrincipal names who is excluded; everybody else is covered as directly as by "*".
        if (list.IsWildcard)
        {
            return GrantScope.None;
        }

        if (!NamesExactly(list, principal))
        {
            return GrantScope.Direct;
        }

        unlisted = ParentsNotListed(list, principal);
        return GrantScope.None;
    }

    /// <summary>
    /// Whether a NotPrincipal lists the caller's own identity. Unlike Principal, naming a role does not name
    /// its sessions ("principals must always name a specific session") and naming the account does not name
    /// its users or roles.
    /// </summary>
    private static bool NamesExactly(PrincipalList list, PrincipalContext principal) => principal.Kind switch
    {
        PrincipalKind.Service => Contains(list.Service, principal.Arn, StringComparison.OrdinalIgnoreCase),
        PrincipalKind.FederatedIdentity => Contains(list.Federated, principal.Arn, StringComparison.Ordinal),
        PrincipalKind.Anonymous => false,
        PrincipalKind.Root => Contains(list.Aws, principal.Arn, StringComparison.Ordinal)
            || (principal.CanonicalUserId is { } canonical && Contains(list.CanonicalUser, canonical, StringComparison.Ordinal)),
        _ => Contains(list.Aws, principal.SessionArn ?? principal.Arn, StringComparison.Ordinal),
    };

    /// <summary>The account root (and, for a session, the role) a NotPrincipal leaves out; null when none.</summary>
    private static List<string>? ParentsNotListed(PrincipalList list, PrincipalContext principal)
    {
        if (principal.Kind is PrincipalKind.Root or PrincipalKind.Service or PrincipalKind.FederatedIdentity or PrincipalKind.Anonymous)
        {
            return null;
        }

        List<string>? missing = null;
        if (principal.SessionArn is not null && !Contains(list.Aws, principal.Arn, StringComparison.Ordinal))
        {
            (missing ??= []).Add(principal.Arn);
        }

        if (principal.AccountRootArn is { } root && !Contains(list.Aws, root, StringComparison.Ordinal)
            && !(principal.CanonicalUserId is { } canonical && Contains(list.CanonicalUser, canonical, StringComparison.Ordinal)))
        {
            (missing ??= []).Add(root);
        }

        return missing;
    }

    private static GrantScope MatchPositive(PrincipalList list, PrincipalContext principal)
    {
        if (list.IsWildcard)
        {
            return GrantScope.Direct;
        }

        switch (principal.Kind)
        {
            case PrincipalKind.Service:
                return Contains(list.Service, principal.Arn, StringComparison.OrdinalIgnoreCase) ? GrantScope.Direct : GrantScope.None;
            case PrincipalKind.FederatedIdentity:
                return Contains(list.Federated, principal.Arn, StringComparison.Ordinal) ? GrantScope.Direct : GrantScope.None;
            case PrincipalKind.Anonymous:
                return GrantScope.None;
        }

        if (principal.CanonicalUserId is { } canonical && Contains(list.CanonicalUser, canonical, StringComparison.Ordinal))
        {
            return GrantScope.Direct;
        }

        var best = GrantScope.None;
        var rootArn = principal.AccountRootArn;
        foreach (var value in list.Aws)
        {
            GrantScope scope;
            if (principal.SessionArn is not null && string.Equals(value, principal.SessionArn, StringComparison.Ordinal))
            {
                scope = GrantScope.Direct;
            }
            else if (string.Equals(value, principal.Arn, StringComparison.Ordinal))
            {
                scope = principal.Kind is PrincipalKind.Role or PrincipalKind.ServiceLinkedRole ? GrantScope.Role : GrantScope.Direct;
            }
            else if (rootArn is not null && string.Equals(value, rootArn, StringComparison.Ordinal))
            {
                scope = principal.Kind == PrincipalKind.Root ? GrantScope.Direct : GrantScope.Account;
            }
            else
            {
                continue;
            }

            if (scope > best)
            {
                best = scope;
            }
        }

        return best;
    }

    private static bool Contains(IReadOnlyList<string> values, string wanted, StringComparison comparison)
    {
        foreach (var value in values)
        {
            if (string.Equals(value, wanted, comparison))
            {
                return true;
            }
        }

        return false;
    }
}
