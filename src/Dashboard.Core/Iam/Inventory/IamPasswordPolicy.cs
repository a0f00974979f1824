namespace Dashboard.Core.Iam.Inventory;

/// <summary>The account's custom password policy (GetAccountPasswordPolicy).</summary>
public sealed record IamPasswordPolicy
{
    public int? MinimumPasswordLength { get; init; }

    public bool RequireSymbols { get; init; }

    public bool RequireNumbers { get; init; }

    public bool RequireUppercaseCharacters { get; init; }

    public bool RequireLowercaseCharacters { get; init; }

    public bool AllowUsersToChangePassword { get; init; }

    public bool ExpirePasswords { get; init; }

    /// <summary>Days; null when passwords never expire.</summary>
    public int? MaxPasswordAge { get; init; }

    /// <summary>How many previous passwords cannot be reused; null when not enforced.</summary>
    public int? PasswordReusePrevention { get; init; }

    public bool? HardExpiry { get; init; }
}

/// <summary>What is known about the password policy.</summary>
public enum IamPasswordPolicyStatus
{
    /// <summary>
    /// Unknown: not read (an imported dump carries no account settings) or not readable (AccessDenied;
    /// the reason is in <see cref="IamAccountSnapshot.Gaps"/>). Never to be taken as "no policy".
    /// </summary>
    NotCollected,

    /// <summary>GetAccountPasswordPolicy said NoSuchEntity: the account uses IAM's default rules.</summary>
    NoCustomPolicy,

    /// <summary>The account has the custom policy in <see cref="IamAccountSnapshot.PasswordPolicy"/>.</summary>
    Custom,
}
