using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Web.Sync;

/// <summary>
/// When IAM does not finish a credential report within the wait, the new snapshot has none; the
/// account's cached report from an earlier sync is kept instead of dropping root-MFA and access-key
/// analysis for that run, and the snapshot says how old it is. A report older than
/// <see cref="MaxAge"/> is not carried: after a week, no data is more honest than stale data.
/// </summary>
internal static class CredentialReportCarryOver
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    public static IamAccountSnapshot Apply(IamAccountSnapshot collected, IamAccountSnapshot? previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(collected);
        if (collected.CredentialReport is not null
            || previous?.CredentialReport is not { } report
            || !string.Equals(previous.AccountId, collected.AccountId, StringComparison.Ordinal))
        {
            return collected;
        }

        var generated = report.GeneratedTime ?? previous.CollectedAt;
        if (now - generated > MaxAge)
        {
            return collected;
        }

        return new IamAccountSnapshot
        {
            AccountId = collected.AccountId,
            CollectedAt = collected.CollectedAt,
            Source = collected.Source,
            Users = collected.Users,
            Groups = collected.Groups,
            Roles = collected.Roles,
            ManagedPolicies = collected.ManagedPolicies,
            CredentialReport = report,
            AccountSummary = collected.AccountSummary,
            PasswordPolicyStatus = collected.PasswordPolicyStatus,
            PasswordPolicy = collected.PasswordPolicy,
            Warnings = [.. collected.Warnings, $"Kept the credential report generated {generated:yyyy-MM-dd HH:mm} UTC by an earlier sync; users created since then have no row."],
        };
    }
}
