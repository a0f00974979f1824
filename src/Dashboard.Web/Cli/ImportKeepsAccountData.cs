using System.Globalization;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Web.Cli;

/// <summary>
/// An authorization-details dump has principals and policies only. Importing one over an account that
/// was synced keeps the cached credential report, account summary and password policy instead of
/// replacing them with nothing: an import never loses cached data it does not replace. The snapshot
/// says what was kept and how old it is, since the dump and the kept data may be from different days.
/// </summary>
internal static class ImportKeepsAccountData
{
    /// <summary>The dump's snapshot with what <paramref name="cached"/> holds and the dump lacks; <paramref name="kept"/> says what that was (null: nothing).</summary>
    public static IamAccountSnapshot Apply(IamAccountSnapshot imported, IamAccountSnapshot? cached, out string? kept)
    {
        ArgumentNullException.ThrowIfNull(imported);
        kept = null;
        if (cached is null || !string.Equals(cached.AccountId, imported.AccountId, StringComparison.Ordinal)) return imported;

        var parts = new List<string>();
        var report = imported.CredentialReport;
        if (report is null && cached.CredentialReport is { } cachedReport)
        {
            report = cachedReport;
            parts.Add($"the credential report generated {When(cachedReport.GeneratedTime ?? cached.CollectedAt)}");
        }

        var summary = imported.AccountSummary;
        if (summary.Count == 0 && cached.AccountSummary.Count > 0)
        {
            summary = cached.AccountSummary;
            parts.Add("the account summary");
        }

        var (status, policy) = (imported.PasswordPolicyStatus, imported.PasswordPolicy);
        if (status == IamPasswordPolicyStatus.NotCollected && cached.PasswordPolicyStatus != IamPasswordPolicyStatus.NotCollected)
        {
            (status, policy) = (cached.PasswordPolicyStatus, cached.PasswordPolicy);
            parts.Add(status == IamPasswordPolicyStatus.Custom ? "the password policy" : "the password policy status (no custom policy)");
        }

        if (parts.Count == 0) return imported;
        kept = $"Kept {Join(parts)} of the cached snapshot collected {When(cached.CollectedAt)}; a dump carries none.";
        return imported.WithAccountData(report, summary, status, policy, imported.Gaps, [.. imported.Warnings, kept]);
    }

    private static string When(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Join(List<string> parts) =>
        parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}";
}
