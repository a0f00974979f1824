using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Aws.Iam;

/// <summary>One GetAccountAuthorizationDetails page, read into the inventory model.</summary>
public sealed record IamAuthorizationDetailsPage(IamAuthorizationDetails Details, int Retries);

/// <summary>GenerateCredentialReport's answer: STARTED, INPROGRESS or COMPLETE.</summary>
public sealed record CredentialReportState(string State, string? Description, int Retries)
{
    public const string Complete = "COMPLETE";

    public bool IsComplete => string.Equals(State, Complete, StringComparison.Ordinal);
}

/// <summary>GetCredentialReport's answer: the CSV (decoded from base64) and when IAM generated it.</summary>
public sealed record CredentialReportDownload(string Csv, DateTimeOffset? GeneratedTime, int Retries);

/// <summary>GetAccountSummary's SummaryMap.</summary>
public sealed record AccountSummaryResponse(IReadOnlyDictionary<string, long> SummaryMap, int Retries);

/// <summary>GetAccountPasswordPolicy's answer; <see cref="Policy"/> is null when the account has no custom policy (NoSuchEntity).</summary>
public sealed record PasswordPolicyResponse(IamPasswordPolicy? Policy, int Retries);
