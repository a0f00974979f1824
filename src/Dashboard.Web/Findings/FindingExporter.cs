using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Findings;

/// <summary>
/// Writes the findings matching a filter as CSV (the list's columns) or JSON (each finding's original ASFF),
/// streaming so a million-row export does not sit in memory. Used by the export endpoints and the CLI.
/// </summary>
public sealed class FindingExporter(FindingQueries queries, ILogger<FindingExporter>? logger = null)
{
    // Flush the JSON writer every so many findings: Utf8JsonWriter buffers until flushed.
    private const int JsonFlushEvery = 100;

    private readonly ILogger _logger = logger ?? NullLogger<FindingExporter>.Instance;

    /// <summary>The CSV columns: the fields of <see cref="FindingRow"/>, in its order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        nameof(FindingRow.Id), nameof(FindingRow.ProductArn), nameof(FindingRow.AwsAccountId), nameof(FindingRow.Region),
        nameof(FindingRow.ProductName), nameof(FindingRow.ControlId), nameof(FindingRow.Title), nameof(FindingRow.Severity),
        nameof(FindingRow.SeverityNormalized), nameof(FindingRow.ComplianceStatus), nameof(FindingRow.WorkflowStatus),
        nameof(FindingRow.RecordState), nameof(FindingRow.ResourceType), nameof(FindingRow.ResourceId),
        nameof(FindingRow.CreatedAt), nameof(FindingRow.UpdatedAt),
    ];

    internal static CsvWriterOptions CsvOptions { get; } = new()
    {
        // CSV injection: a cell beginning with = + - @ (or tab/CR, CsvHelper's default set, as OWASP advises)
        // runs as a formula in spreadsheet apps. Titles and resource ids come from third parties, so such
        // text cells get a leading single quote (and are quoted). Numbers and dates are never touched.
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Writes a header row and one row per finding; returns the number of findings written.</summary>
    public async Task<int> WriteCsvAsync(FindingFilter filter, TextWriter output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        await using var csv = CsvWriter.Create(output, CsvOptions, leaveOpen: true);
        csv.WriteHeader([.. CsvColumns]);
        var count = 0;
        await foreach (var detail in queries.StreamAsync(filter, ct))
        {
            WriteRow(csv, detail.Row);
            await csv.EndRecordAsync(ct);
            count++;
        }
        await csv.FlushAsync(ct);
        return count;
    }

    private static void WriteRow(CsvWriter csv, FindingRow row)
    {
        csv.WriteField(row.Id);
        csv.WriteField(row.ProductArn);
        csv.WriteField(row.AwsAccountId);
        csv.WriteField(row.Region);
        csv.WriteField(row.ProductName);
        csv.WriteField(row.ControlId);
        csv.WriteField(row.Title);
        csv.WriteField(row.Severity.ToString());
        csv.WriteField((object)row.SeverityNormalized);
        csv.WriteField(row.ComplianceStatus);
        csv.WriteField(row.WorkflowStatus);
        csv.WriteField(row.RecordState);
        csv.WriteField(row.ResourceType);
        csv.WriteField(row.ResourceId);
        // ISO 8601 round-trip ("O"): unambiguous for any reader.
        csv.WriteField(row.CreatedAt, "O");
        csv.WriteField(row.UpdatedAt, "O");
    }

    /// <summary>
    /// Writes <c>{"Findings":[...]}</c>, the shape of GetFindings and of <c>import findings</c>, with each
    /// finding's stored ASFF JSON copied verbatim; returns the number of findings written.
    /// </summary>
    public async Task<int> WriteJsonAsync(FindingFilter filter, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WritePropertyName("Findings");
        json.WriteStartArray();
        var count = 0;
        await foreach (var detail in queries.StreamAsync(filter, ct))
        {
            try
            {
                // Validated (skipInputValidation: false) so one corrupt stored row cannot break the document.
                json.WriteRawValue(detail.RawJson, skipInputValidation: false);
                count++;
            }
            catch (JsonException ex)
            {
                _logger.LogWarning("Export skipped finding {FindingId} ({ProductArn}): its stored JSON is invalid: {Reason}",
                    detail.Row.Id, detail.Row.ProductArn, ex.Message);
            }
            if (count % JsonFlushEvery == 0)
            {
                await json.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        return count;
    }
}
