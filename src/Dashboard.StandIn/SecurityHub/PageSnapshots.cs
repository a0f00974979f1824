using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Dashboard.StandIn.SecurityHub;

/// <summary>The ordered result of one query, kept so its later pages come from the same ordering.</summary>
internal sealed record PageSnapshot(long Id, int[] Rows, string Fingerprint);

/// <summary>
/// Keeps recent query results and encodes opaque NextTokens that point into them. A token names its
/// snapshot, offset and query fingerprint; a token that does not decode, or belongs to another query,
/// is InvalidInputException like Security Hub's. An evicted snapshot is recomputed from current data.
/// </summary>
internal sealed class PageSnapshots
{
    private const string Version = "si1";

    // About 64 MB of row indexes at most; the oldest results go first.
    private const long MaxHeldRows = 16_000_000;

    private readonly ConcurrentDictionary<long, PageSnapshot> snapshots = new();
    private readonly ConcurrentQueue<long> order = new();
    private long nextId;
    private long heldRows;

    public PageSnapshot Add(int[] rows, string fingerprint)
    {
        var snapshot = new PageSnapshot(Interlocked.Increment(ref nextId), rows, fingerprint);
        snapshots[snapshot.Id] = snapshot;
        order.Enqueue(snapshot.Id);
        Interlocked.Add(ref heldRows, rows.Length);
        while (Interlocked.Read(ref heldRows) > MaxHeldRows && order.TryDequeue(out var oldest))
        {
            if (snapshots.TryRemove(oldest, out var removed))
            {
                Interlocked.Add(ref heldRows, -removed.Rows.Length);
            }
        }

        return snapshot;
    }

    public bool TryGet(long id, out PageSnapshot? snapshot) => snapshots.TryGetValue(id, out snapshot);

    public static string Encode(long snapshotId, int offset, string fingerprint)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Version}.{snapshotId}.{offset}.{fingerprint}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static (long SnapshotId, int Offset) Decode(string token, string fingerprint)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        var parts = text.Split('.');
        if (parts.Length != 4 || parts[0] != Version
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw Invalid();
        }

        if (!string.Equals(parts[3], fingerprint, StringComparison.Ordinal))
        {
            throw SecurityHubException.InvalidInput("The NextToken does not belong to this query: send the same Filters and SortCriteria as the request that returned it.");
        }

        return (id, offset);
    }

    private static SecurityHubException Invalid() => SecurityHubException.InvalidInput("The NextToken is invalid.");
}
