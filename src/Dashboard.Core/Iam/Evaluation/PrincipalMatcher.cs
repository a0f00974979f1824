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
    public static GrantScope Match(PrincipalList list, PrincipalContext principal)
    {
        var scope = MatchPositive(list, principal);

        // NotPrincipal names who is excluded; everybody else is covered as directly as by "*".
        return list.IsNegated ? (scope == GrantScope.None ? GrantScope.Direct : GrantScope.None) : scope;
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
