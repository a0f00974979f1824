using System.Globalization;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.CredentialReport;
using Dashboard.Web.Components.Shared;

namespace Dashboard.Web.Iam;

/// <summary>A credential report row in words: its 22 columns as label/value pairs and the last use of any credential.</summary>
public static class CredentialReportText
{
    public static string NoRowNote(IamAccountSnapshot snapshot) => snapshot.CredentialReport is null
        ? "No credential report in this snapshot (imported dumps carry none, or the report was not ready)."
        : "The credential report has no row for this user (it may have been created after the report).";

    public static string LastUsed(CredentialReportRow row)
    {
        var uses = new List<(DateTimeOffset At, string What)>();
        if (row.PasswordLastUsed.Value is { } password) uses.Add((password, "console password"));
        foreach (var key in row.AccessKeys)
        {
            if (key.LastUsedDate.Value is { } at) uses.Add((at, $"access key {key.Number}"));
        }

        if (uses.Count == 0) return "Never, as far as the credential report knows";
        var last = uses.MaxBy(u => u.At);
        return $"{DisplayText.Time(last.At)} ({last.What})";
    }

    public static IReadOnlyList<KeyValuePair<string, string>> Rows(CredentialReportRow row)
    {
        var rows = new List<KeyValuePair<string, string>>
        {
            new("user", row.User),
            new("arn", row.Arn),
            new("user_creation_time", Text(row.UserCreationTime)),
            new("password_enabled", row.PasswordEnabled.ToString()),
            new("password_last_used", Text(row.PasswordLastUsed)),
            new("password_last_changed", Text(row.PasswordLastChanged)),
            new("password_next_rotation", Text(row.PasswordNextRotation)),
            new("mfa_active", row.MfaActive ? "true" : "false"),
        };
        foreach (var key in row.AccessKeys)
        {
            var n = key.Number.ToString(CultureInfo.InvariantCulture);
            rows.Add(new($"access_key_{n}_active", key.Active ? "true" : "false"));
            rows.Add(new($"access_key_{n}_last_rotated", Text(key.LastRotated)));
            rows.Add(new($"access_key_{n}_last_used_date", Text(key.LastUsedDate)));
            rows.Add(new($"access_key_{n}_last_used_region", key.LastUsedRegion.ToString()));
            rows.Add(new($"access_key_{n}_last_used_service", key.LastUsedService.ToString()));
        }

        foreach (var cert in new[] { row.Cert1, row.Cert2 })
        {
            var n = cert.Number.ToString(CultureInfo.InvariantCulture);
            rows.Add(new($"cert_{n}_active", cert.Active ? "true" : "false"));
            rows.Add(new($"cert_{n}_last_rotated", Text(cert.LastRotated)));
        }

        return rows;
    }

    private static string Text(CredentialTimestamp timestamp) => timestamp.Value is { } at ? DisplayText.Time(at) : timestamp.ToString();
}
