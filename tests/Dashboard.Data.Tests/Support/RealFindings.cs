using System.Text.Json;
using Dashboard.Core.Findings;

namespace Dashboard.Data.Tests.Support;

/// <summary>
/// The real third-party ASFF findings in shared/data/asff as records. The columns are read just
/// well enough for storage tests (parsing proper is tested in Core); the raw JSON is each
/// finding's exact text.
/// </summary>
public static class RealFindings
{
    public static List<FindingRecord> Load()
    {
        var records = new List<FindingRecord>();
        var folder = Path.Combine(SharedData.Root, "asff");
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllText(file));
            }
            catch (JsonException)
            {
                continue; // the deliberately broken originals
            }
            using (document)
            {
                var root = document.RootElement;
                var items = root.ValueKind switch
                {
                    JsonValueKind.Array => root.EnumerateArray().ToList(),
                    JsonValueKind.Object when root.TryGetProperty("Findings", out var list) && list.ValueKind == JsonValueKind.Array => list.EnumerateArray().ToList(),
                    JsonValueKind.Object => [root],
                    _ => [],
                };
                records.AddRange(items.Select(ToRecord).OfType<FindingRecord>());
            }
        }
        return records;
    }

    private static FindingRecord? ToRecord(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) return null;
        string? S(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        DateTimeOffset? D(string name) => DateTimeOffset.TryParse(S(name), out var d) ? d : null;
        var id = S("Id");
        var productArn = S("ProductArn");
        if (id is null || productArn is null) return null;
        var label = e.TryGetProperty("Severity", out var sev) && sev.TryGetProperty("Label", out var l) ? l.GetString() : null;
        return new FindingRecord
        {
            Id = id,
            ProductArn = productArn,
            AwsAccountId = S("AwsAccountId") ?? "",
            Region = S("Region") ?? "",
            ProductName = S("ProductName") ?? "",
            GeneratorId = S("GeneratorId") ?? "",
            Title = S("Title") ?? "",
            Severity = Enum.TryParse<Severity>(label, ignoreCase: true, out var s) ? s : Severity.Informational,
            SeverityNormalized = 0,
            WorkflowStatus = "NEW",
            RecordState = S("RecordState") ?? "ACTIVE",
            CreatedAt = D("CreatedAt") ?? DateTimeOffset.UnixEpoch,
            UpdatedAt = D("UpdatedAt") ?? DateTimeOffset.UnixEpoch,
            RawJson = e.GetRawText(),
        };
    }
}
