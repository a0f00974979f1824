namespace Dashboard.Core.Iam.Inventory.CredentialReport;

/// <summary>
/// What a credential-report cell holds: a value, or one of IAM's placeholders. "N/A" means the credential
/// does not exist (no password, no key); "no_information" that it exists but IAM never saw it used (or
/// not since it started tracking); "not_supported" that the column does not apply (the root user's
/// password_enabled, password_last_changed and password_next_rotation).
/// </summary>
public enum CredentialValueKind
{
    Value,
    NotApplicable,
    NoInformation,
    NotSupported,
}

/// <summary>A timestamp cell.</summary>
public readonly record struct CredentialTimestamp(CredentialValueKind Kind, DateTimeOffset? Value)
{
    public static CredentialTimestamp NotApplicable => new(CredentialValueKind.NotApplicable, null);

    public static CredentialTimestamp At(DateTimeOffset value) => new(CredentialValueKind.Value, value);

    public bool HasValue => Kind == CredentialValueKind.Value;

    public override string ToString() => Value is { } v ? v.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : CredentialReportParser.Token(Kind);
}

/// <summary>A text cell (last used Region or service).</summary>
public readonly record struct CredentialText(CredentialValueKind Kind, string? Value)
{
    public bool HasValue => Kind == CredentialValueKind.Value;

    public override string ToString() => Value ?? CredentialReportParser.Token(Kind);
}

/// <summary>A TRUE/FALSE cell that may also be a placeholder (password_enabled is not_supported for root).</summary>
public readonly record struct CredentialFlag(CredentialValueKind Kind, bool Value)
{
    public static CredentialFlag True => new(CredentialValueKind.Value, true);

    public static CredentialFlag False => new(CredentialValueKind.Value, false);

    /// <summary>True only for an explicit TRUE.</summary>
    public bool IsTrue => Kind == CredentialValueKind.Value && Value;

    public override string ToString() => Kind == CredentialValueKind.Value ? (Value ? "true" : "false") : CredentialReportParser.Token(Kind);
}

/// <summary>The five columns of one access key (access_key_N_*).</summary>
public sealed record CredentialAccessKey(
    int Number,
    bool Active,
    CredentialTimestamp LastRotated,
    CredentialTimestamp LastUsedDate,
    CredentialText LastUsedRegion,
    CredentialText LastUsedService);

/// <summary>The two columns of one X.509 signing certificate (cert_N_*).</summary>
public sealed record CredentialCertificate(int Number, bool Active, CredentialTimestamp LastRotated);
