using CsvHelper;
using Dashboard.Data.Iam;
using Dashboard.Web.Findings;

namespace Dashboard.Web.Cli;

/// <summary>IAM risk results as CSV (the JSON's fields, the explanation last), with the same formula-injection escaping as the findings export.</summary>
internal static class IamRiskCsv
{
    private static readonly string[] Header =
        ["AccountId", "RuleId", "Title", "Severity", "Category", "Status", "ResourceType", "ResourceName", "ResourceArn", "Message", "Items", "Remediation", "Explanation"];

    public static async Task WriteAsync(IEnumerable<IamRiskRow> rows, TextWriter output, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, FindingExporter.CsvOptions, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            csv.WriteField(row.AccountId);
            csv.WriteField(row.RuleId);
            csv.WriteField(row.Title);
            csv.WriteField(row.Severity.ToString().ToUpperInvariant());
            csv.WriteField(row.Category.ToString());
            csv.WriteField(row.Status.ToString());
            csv.WriteField(row.ResourceType.ToString());
            csv.WriteField(row.ResourceName);
            csv.WriteField(row.ResourceArn);
            csv.WriteField(row.Message);
            csv.WriteField(string.Join("; ", row.Items));
            csv.WriteField(row.Remediation);
            csv.WriteField(row.Explanation ?? "");
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }
}
