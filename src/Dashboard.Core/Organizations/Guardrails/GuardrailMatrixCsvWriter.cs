using System.Globalization;
using CsvHelper;

namespace Dashboard.Core.Organizations.Guardrails;

/// <summary>
/// <c>org guardrails --format csv</c>: one row per account and guardrail (long format, easy to pivot).
/// Policy names, account names and summaries come from the organization, so cells that could run as a
/// spreadsheet formula are escaped.
/// </summary>
public static class GuardrailMatrixCsvWriter
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "AccountId", "AccountName", "AccountStatus", "Path", "GuardrailId", "Guardrail", "Category", "Status",
        "DecidingPolicies", "DecidingLevels", "Exceptions", "Summary",
    ];

    private static readonly CsvWriterOptions Options = new()
    {
        // CSV injection: a cell starting with = + - @ runs as a formula in spreadsheet apps (OWASP).
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static string ToCsv(GuardrailMatrix matrix)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(matrix, writer);
        return writer.ToString();
    }

    public static void Write(GuardrailMatrix matrix, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(output);
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader([.. Columns]);
        foreach (var row in matrix.Rows)
        {
            foreach (var cell in row.Cells)
            {
                var guardrail = matrix.Guardrail(cell.GuardrailId);
                csv.WriteField(row.AccountId);
                csv.WriteField(row.AccountName);
                csv.WriteField(row.AccountStatus);
                csv.WriteField(row.Path);
                csv.WriteField(guardrail.Id);
                csv.WriteField(guardrail.Title);
                csv.WriteField(guardrail.Category);
                csv.WriteField(cell.Status.ToString());
                csv.WriteField(string.Join("; ", cell.Deciders.Where(d => d.PolicyId is not null).Select(d => $"{d.PolicyName} ({d.PolicyId})").Distinct()));
                csv.WriteField(string.Join("; ", cell.Deciders.Select(d => d.Level).Distinct()));
                csv.WriteField(string.Join("; ", cell.Exceptions.Select(e => e.ToString())));
                csv.WriteField(cell.Summary);
                csv.EndRecord();
            }
        }

        csv.Flush();
    }
}
