using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Data.Iam;

/// <summary>
/// The last few deserialised snapshots, keyed by account and collection time: the principal and access
/// pages ask for the same large snapshot on every render, and a new save changes the key.
/// </summary>
internal sealed class IamSnapshotCache(int capacity)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(string AccountId, long CollectedAtTicks, IamAccountSnapshot Snapshot)> _entries = new();

    public IamAccountSnapshot? Get(string accountId, long collectedAtTicks)
    {
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.AccountId == accountId && node.Value.CollectedAtTicks == collectedAtTicks)
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return node.Value.Snapshot;
                }
            }

            return null;
        }
    }

    public void Put(string accountId, long collectedAtTicks, IamAccountSnapshot snapshot)
    {
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.AccountId == accountId)
                {
                    _entries.Remove(node);
                    break;
                }
            }

            _entries.AddFirst((accountId, collectedAtTicks, snapshot));
            while (_entries.Count > capacity) _entries.RemoveLast();
        }
    }
}
