namespace Dashboard.Core.Iam.Policies;

/// <summary>
/// The <c>Principal</c> or <c>NotPrincipal</c> element. Bare 12-digit account ids are stored as
/// <c>arn:aws:iam::ID:root</c>, which is how AWS rewrites them.
/// </summary>
public sealed class PrincipalList
{
    internal PrincipalList(
        bool isNegated,
        bool isWildcard,
        IReadOnlyList<string> aws,
        IReadOnlyList<string> service,
        IReadOnlyList<string> federated,
        IReadOnlyList<string> canonicalUser)
    {
        IsNegated = isNegated;
        IsWildcard = isWildcard;
        Aws = aws;
        Service = service;
        Federated = federated;
        CanonicalUser = canonicalUser;
    }

    public bool IsNegated { get; }

    /// <summary><c>"Principal": "*"</c> or <c>{"AWS": "*"}</c>: everyone.</summary>
    public bool IsWildcard { get; }

    /// <summary>Account roots, users, roles, role sessions, federated users (ARNs).</summary>
    public IReadOnlyList<string> Aws { get; }

    /// <summary>Service principals such as <c>ec2.amazonaws.com</c>.</summary>
    public IReadOnlyList<string> Service { get; }

    /// <summary>SAML providers (ARNs) and OIDC providers (e.g. <c>cognito-identity.amazonaws.com</c>).</summary>
    public IReadOnlyList<string> Federated { get; }

    public IReadOnlyList<string> CanonicalUser { get; }
}
