namespace Dashboard.Core.Iam.Inventory.CredentialReport;

/// <summary>One row of the IAM credential report: a user, or the account's root user.</summary>
public sealed record CredentialReportRow
{
    /// <summary>The user column of the root user's row.</summary>
    public const string RootUserName = "<root_account>";

    public required string User { get; init; }

    public required string Arn { get; init; }

    public CredentialTimestamp UserCreationTime { get; init; }

    public CredentialFlag PasswordEnabled { get; init; }

    public CredentialTimestamp PasswordLastUsed { get; init; }

    public CredentialTimestamp PasswordLastChanged { get; init; }

    public CredentialTimestamp PasswordNextRotation { get; init; }

    public bool MfaActive { get; init; }

    public required CredentialAccessKey AccessKey1 { get; init; }

    public required CredentialAccessKey AccessKey2 { get; init; }

    public required CredentialCertificate Cert1 { get; init; }

    public required CredentialCertificate Cert2 { get; init; }

    /// <summary>The 1-based line of the CSV this row came from.</summary>
    public int Line { get; init; }

    public bool IsRoot => string.Equals(User, RootUserName, StringComparison.Ordinal);

    public IReadOnlyList<CredentialAccessKey> AccessKeys => [AccessKey1, AccessKey2];

    public int ActiveAccessKeyCount => (AccessKey1.Active ? 1 : 0) + (AccessKey2.Active ? 1 : 0);
}
