using System.Globalization;
using System.Text;
using CsvHelper;

namespace Dashboard.Core.Iam.Inventory.CredentialReport;

/// <summary>
/// Parses the IAM credential report CSV (GetCredentialReport's Content, base64 on the wire). Columns are
/// found by header name, so a column AWS adds later does not shift the others. TRUE/FALSE are read in any
/// case (older reports wrote "true", newer ones "TRUE"). A header without the 22 documented columns throws
/// <see cref="IamInventoryFormatException"/>; a row that cannot be read is skipped and described in
/// <see cref="IamCredentialReport.Problems"/>.
/// </summary>
public static class CredentialReportParser
{
    /// <summary>The 22 documented columns, in the order IAM writes them.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
        "password_next_rotation", "mfa_active", "access_key_1_active", "access_key_1_last_rotated",
        "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
        "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
        "access_key_2_last_used_region", "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated",
        "cert_2_active", "cert_2_last_rotated",
    ];

    /// <summary>
    /// Reads GetCredentialReport's Content: base64 as the wire and the SDKs' raw bytes carry it, or the CSV
    /// text itself as some recorders (CloudMapper, placebo) save it.
    /// </summary>
    public static IamCredentialReport ParseContent(string content, DateTimeOffset? generatedTime = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var trimmed = content.Trim();
        if (trimmed.StartsWith("user,", StringComparison.OrdinalIgnoreCase) || trimmed.Length == 0)
        {
            return Parse(content, generatedTime);
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(trimmed);
        }
        catch (FormatException ex)
        {
            throw new IamInventoryFormatException("The credential report content is neither CSV (starting with the 'user' column) nor base64.", ex);
        }

        return Parse(Encoding.UTF8.GetString(bytes), generatedTime);
    }

    public static IamCredentialReport Parse(string csv, DateTimeOffset? generatedTime = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var problems = new List<string>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            // A short or long row would put values under the wrong column: skip it and say so.
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => problems.Add($"line {record.LineNumber}: {record.Reason}; row skipped"),
        };

        using var reader = CsvReader.FromText(csv, options);
        reader.ReadHeader();
        var header = reader.Headers;
        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            throw new IamInventoryFormatException("The credential report is empty: it has no header row.");
        }

        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i].Trim(), i);
        }

        var missing = Columns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new IamInventoryFormatException($"The credential report header lacks {string.Join(", ", missing)} (it has {header.Count} columns; IAM writes {Columns.Count}).");
        }

        var rows = new List<CredentialReportRow>();
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            try
            {
                rows.Add(ReadRow(new Cells(fields, index, line)));
            }
            catch (FormatException ex)
            {
                problems.Add($"line {line}: {ex.Message}; row skipped");
            }
        }

        return new IamCredentialReport(generatedTime, rows, problems);
    }

    /// <summary>The text IAM writes for a placeholder kind.</summary>
    public static string Token(CredentialValueKind kind) => kind switch
    {
        CredentialValueKind.NotApplicable => "N/A",
        CredentialValueKind.NoInformation => "no_information",
        CredentialValueKind.NotSupported => "not_supported",
        _ => string.Empty,
    };

    private static CredentialReportRow ReadRow(Cells cells) => new()
    {
        User = cells.Required("user"),
        Arn = cells.Required("arn"),
        UserCreationTime = cells.Timestamp("user_creation_time"),
        PasswordEnabled = cells.Flag("password_enabled"),
        PasswordLastUsed = cells.Timestamp("password_last_used"),
        PasswordLastChanged = cells.Timestamp("password_last_changed"),
        PasswordNextRotation = cells.Timestamp("password_next_rotation"),
        MfaActive = cells.Bool("mfa_active"),
        AccessKey1 = ReadKey(cells, 1),
        AccessKey2 = ReadKey(cells, 2),
        Cert1 = new CredentialCertificate(1, cells.Bool("cert_1_active"), cells.Timestamp("cert_1_last_rotated")),
        Cert2 = new CredentialCertificate(2, cells.Bool("cert_2_active"), cells.Timestamp("cert_2_last_rotated")),
        Line = cells.Line,
    };

    private static CredentialAccessKey ReadKey(Cells cells, int number) => new(
        number,
        cells.Bool($"access_key_{number}_active"),
        cells.Timestamp($"access_key_{number}_last_rotated"),
        cells.Timestamp($"access_key_{number}_last_used_date"),
        cells.Text($"access_key_{number}_last_used_region"),
        cells.Text($"access_key_{number}_last_used_service"));

    private static CredentialValueKind? Placeholder(string text) => text.ToLowerInvariant() switch
    {
        "n/a" => CredentialValueKind.NotApplicable,
        "no_information" => CredentialValueKind.NoInformation,
        "not_supported" => CredentialValueKind.NotSupported,
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    /// <summary>The cells of one row, read by column name; bad values throw FormatException naming the column.</summary>
    private readonly struct Cells(string[] record, Dictionary<string, int> index, int line)
    {
        public int Line => line;

        public string Required(string column) =>
            Raw(column) is { Length: > 0 } text ? text : throw new FormatException($"column {column} is empty");

        public CredentialTimestamp Timestamp(string column)
        {
            var text = Raw(column);
            if (Placeholder(text) is { } kind)
            {
                return new CredentialTimestamp(kind, null);
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
                ? CredentialTimestamp.At(instant)
                : throw new FormatException($"column {column} is '{Shorten(text)}', not a timestamp, N/A, no_information or not_supported");
        }

        public CredentialText Text(string column)
        {
            var text = Raw(column);
            return Placeholder(text) is { } kind ? new CredentialText(kind, null) : new CredentialText(CredentialValueKind.Value, text);
        }

        public CredentialFlag Flag(string column)
        {
            var text = Raw(column);
            if (Placeholder(text) is { } kind)
            {
                return new CredentialFlag(kind, false);
            }

            return new CredentialFlag(CredentialValueKind.Value, Bool(column));
        }

        public bool Bool(string column)
        {
            var text = Raw(column);
            return text.ToLowerInvariant() switch
            {
                "true" => true,
                "false" => false,
                _ => throw new FormatException($"column {column} is '{Shorten(text)}', not TRUE or FALSE"),
            };
        }

        private string Raw(string column) => record[index[column]].Trim();
    }
}
