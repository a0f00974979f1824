using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Web.Sync;

/// <summary>
/// When the new snapshot has no credential report (IAM did not finish it within the wait, or the role may
/// not read reports), the account's cached report from an earlier sync is kept instead of dropping
/// root-MFA and access-key analysis for that run, and the snapshot says how old it is and why it was
/// kept. A report older than <see cref="MaxAge"/> is not carried: after a week, no data is more honest
/// than stale data, and the rules that need it say they could not be evaluated.
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

        // The gap is answered by the kept report; its reason joins the warning that replaces the collector's.
        var gap = collected.Gaps.LastOrDefault(g => g.Data == IamAccountData.CredentialReport);
        var kept = $"kept the credential report generated {generated:yyyy-MM-dd HH:mm} UTC by an earlier sync; users created since then have no row.";
        return collected.WithAccountData(
            report,
            collected.AccountSummary,
            collected.PasswordPolicyStatus,
            collected.PasswordPolicy,
            [.. collected.Gaps.Where(g => g.Data != IamAccountData.CredentialReport)],
            [.. collected.Warnings.Where(w => w != gap?.Sentence), gap is null ? Capitalised(kept) : $"{gap.Sentence[..^1]}; {kept}"]);
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
