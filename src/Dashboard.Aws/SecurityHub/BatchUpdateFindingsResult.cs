using System.Text.Json;

namespace Dashboard.Aws.SecurityHub;

/// <summary>A finding Security Hub did not update, with its reason (e.g. FindingNotFound, DuplicatedFindingIdentifier).</summary>
public sealed record UnprocessedFinding(FindingIdentifier Finding, string ErrorCode, string ErrorMessage);

/// <summary>
/// What BatchUpdateFindings reports: the findings it updated and the ones it did not. A call can succeed
/// (HTTP 200) with every finding unprocessed, so callers must read both lists.
/// </summary>
public sealed record BatchUpdateFindingsResult(
    IReadOnlyList<FindingIdentifier> Processed,
    IReadOnlyList<UnprocessedFinding> Unprocessed,
    int Retries)
{
    public static readonly BatchUpdateFindingsResult Empty = new([], [], 0);

    /// <summary>Both lists of this call followed by those of <paramref name="next"/>.</summary>
    public BatchUpdateFindingsResult Append(BatchUpdateFindingsResult next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new([.. Processed, .. next.Processed], [.. Unprocessed, .. next.Unprocessed], Retries + next.Retries);
    }

    /// <summary>
    /// Reads a BatchUpdateFindings body. Not JSON, not an object, or a list or identifier of the wrong
    /// shape: <see cref="AwsResponseFormatException"/>. A missing list reads as empty (the caller treats a
    /// finding in neither list as not updated).
    /// </summary>
    public static BatchUpdateFindingsResult Parse(ReadOnlyMemory<byte> body, int retries)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new AwsResponseFormatException("SecurityHub", "BatchUpdateFindings", $"the body is not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Format($"the body is a JSON {Kind(root)}, not an object.");

            var processed = new List<FindingIdentifier>();
            foreach (var item in Array(root, "ProcessedFindings"))
                processed.Add(Identifier(item, "ProcessedFindings"));

            var unprocessed = new List<UnprocessedFinding>();
            foreach (var item in Array(root, "UnprocessedFindings"))
            {
                if (item.ValueKind != JsonValueKind.Object)
                    throw Format($"an UnprocessedFindings entry is a JSON {Kind(item)}, not an object.");
                if (!item.TryGetProperty("FindingIdentifier", out var identifier))
                    throw Format("an UnprocessedFindings entry has no FindingIdentifier.");
                unprocessed.Add(new UnprocessedFinding(
                    Identifier(identifier, "UnprocessedFindings"),
                    String(item, "ErrorCode") ?? "Unknown",
                    String(item, "ErrorMessage") ?? "Security Hub gave no reason."));
            }
            return new BatchUpdateFindingsResult(processed, unprocessed, retries);
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
            return [];
        if (list.ValueKind != JsonValueKind.Array)
            throw Format($"{name} is a JSON {Kind(list)}, not an array.");
        return list.EnumerateArray();
    }

    private static FindingIdentifier Identifier(JsonElement element, string list)
    {
        if (element.ValueKind != JsonValueKind.Object || String(element, "Id") is not { Length: > 0 } id || String(element, "ProductArn") is not { Length: > 0 } arn)
            throw Format($"a finding identifier in {list} lacks its Id or ProductArn.");
        return new FindingIdentifier(id, arn);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static AwsResponseFormatException Format(string problem) => new("SecurityHub", "BatchUpdateFindings", problem);
}
