namespace Dashboard.Core.Iam.Inventory;

/// <summary>The account-level data a snapshot may lack while still holding every principal and policy.</summary>
public enum IamAccountData
{
    /// <summary>GenerateCredentialReport / GetCredentialReport.</summary>
    CredentialReport,

    /// <summary>GetAccountSummary.</summary>
    AccountSummary,

    /// <summary>GetAccountPasswordPolicy (NoSuchEntity is an answer, not a gap).</summary>
    PasswordPolicy,
}

/// <summary>
/// Why one kind of account data is missing from a snapshot, as a sentence for the sync page and for the
/// risks that could not be evaluated, e.g. "credential report unavailable: AccessDenied on iam:GenerateCredentialReport".
/// </summary>
public sealed record IamDataGap(IamAccountData Data, string Reason)
{
    /// <summary>The reason as a sentence for warnings: "Credential report unavailable: AccessDenied on iam:GenerateCredentialReport."</summary>
    public string Sentence => Reason.Length == 0 ? Reason : $"{char.ToUpperInvariant(Reason[0])}{Reason[1..]}.";

    /// <summary>"credential report", "account summary", "password policy".</summary>
    public static string Describe(IamAccountData data) => data switch
    {
        IamAccountData.CredentialReport => "credential report",
        IamAccountData.AccountSummary => "account summary",
        IamAccountData.PasswordPolicy => "password policy",
        _ => data.ToString(),
    };

    /// <summary>"credential report unavailable: AccessDenied on iam:GenerateCredentialReport".</summary>
    public static IamDataGap Unavailable(IamAccountData data, string why) => new(data, $"{Describe(data)} unavailable: {why}");
}
