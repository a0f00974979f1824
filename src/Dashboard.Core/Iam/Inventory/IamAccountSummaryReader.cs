using System.Text.Json;

namespace Dashboard.Core.Iam.Inventory;

/// <summary>
/// Reads GetAccountSummary output: <c>{"SummaryMap": {"Users": 1, "AccountMFAEnabled": 0, …}}</c> (or the
/// bare map). Keys are kept as AWS names them; values are whole numbers.
/// </summary>
public static class IamAccountSummaryReader
{
    public static IReadOnlyDictionary<string, long> Read(JsonElement root)
    {
        var map = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("SummaryMap", out var inner) ? inner : root;
        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new IamInventoryFormatException($"SummaryMap must be an object, not {IamJson.Describe(map)}.");
        }

        var summary = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt64(out var value))
            {
                throw new IamInventoryFormatException($"SummaryMap.{entry.Name} must be a whole number, not {IamJson.Describe(entry.Value)}.");
            }

            summary[entry.Name] = value;
        }

        return summary;
    }
}
