using System.Globalization;
using System.Text;

namespace Dashboard.StandIn.Iam;

/// <summary>One credential-report row, cell by cell, in the 22-column order IAM writes.</summary>
internal sealed record CredentialReportLine(string User, string Arn, string[] Cells);

/// <summary>Writes the credential report CSV the way IAM does: the 22-column header, root first, then users by name.</summary>
internal static class CredentialReportCsv
{
    public const string Header =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active," +
        "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service," +
        "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service," +
        "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    public const string NotApplicable = "N/A";
    public const string NoInformation = "no_information";
    public const string NotSupported = "not_supported";

    public static string Write(IEnumerable<CredentialReportLine> lines)
    {
        var builder = new StringBuilder(Header);
        foreach (var line in lines)
        {
            builder.Append('\n').Append(Quote(line.User)).Append(',').Append(line.Arn);
            foreach (var cell in line.Cells)
            {
                builder.Append(',').Append(cell);
            }
        }

        return builder.ToString();
    }

    /// <summary>The report's timestamp format: 2016-11-25T14:19:48+00:00.</summary>
    public static string Time(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    public static string Flag(bool value) => value ? "true" : "false";

    // IAM user names may contain commas ([\w+=,.@-]+): such a cell is quoted.
    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) ? $"\"{text}\"" : text;
}
