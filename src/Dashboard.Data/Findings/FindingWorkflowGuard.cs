using Dashboard.Core.Findings;
using Dashboard.Data.Database;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Findings;

/// <summary>
/// Keeps a sync from undoing a dashboard workflow change it raced with. BatchUpdateFindings does not move
/// UpdatedAt, so a page requested before Security Hub acknowledged a change may carry the finding's old
/// Workflow and Note; stored as it is, it would put the old status back, and no incremental sync would
/// read the finding again before the next full refresh.
/// <para>
/// The rule, for a fetched finding whose latest dashboard change happened at ChangedAt (taken after
/// Security Hub acknowledged it, see FindingWorkflowService):
/// <list type="bullet">
/// <item>its page was requested after ChangedAt: the read saw the change; the finding lands as fetched
/// (and a later change made elsewhere, say in the console, with it);</item>
/// <item>its UpdatedAt is after ChangedAt: the provider, or Security Hub itself (RESOLVED when a control
/// passes, NEW when a resolved finding fails again), rewrote the finding after our change, and the read
/// returned that version, so it was read after our change: AWS is authoritative and the finding lands as
/// fetched;</item>
/// <item>otherwise the read may predate the change: everything fetched lands except the workflow, which
/// is the change's (WorkflowStatus, and Workflow.Status, WorkflowState and Note in the JSON, exactly as
/// <see cref="FindingWorkflowStore"/> applied it). Ties count as "may predate": keeping our own change
/// is the safe side.</item>
/// </list>
/// What this cannot see: a change made elsewhere (console, another tool) between our change and a read
/// that was requested before our change was acknowledged. The next full refresh brings that in.
/// </para>
/// Loaded once per upsert, inside its write transaction (so no workflow change can commit between the
/// check and the write), with one indexed range read of the changes made since the earliest fetch:
/// usually none, and then a finding costs one dictionary probe on an empty dictionary.
/// </summary>
internal sealed class FindingWorkflowGuard
{
    internal const string ChangesSince = """
        SELECT "FindingId", "ProductArn", "ToStatus", "Note", "ChangedBy", "ChangedAtTicks"
        FROM main."FindingWorkflowChanges" WHERE "ChangedAtTicks" >= $since
        ORDER BY "ChangedAtTicks", "Id"
        """;

    private readonly Dictionary<(string Id, string ProductArn), Change> _latest = [];

    private FindingWorkflowGuard()
    {
    }

    /// <summary>How many fetched findings kept a dashboard change's workflow.</summary>
    public int Kept { get; private set; }

    /// <summary>Reads the dashboard changes made at or after <paramref name="sinceTicks"/>, the latest per finding.</summary>
    public static FindingWorkflowGuard Load(SqliteConnection connection, SqliteTransaction transaction, long sinceTicks)
    {
        var guard = new FindingWorkflowGuard();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ChangesSince;
        command.Parameters.AddWithValue("$since", sinceTicks);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // Ordered oldest first: the last row read for a finding is its latest change.
            guard._latest[(reader.GetString(0), reader.GetString(1))] =
                new Change(reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5));
        }
        return guard;
    }

    /// <summary>
    /// The finding to store: <paramref name="f"/> itself, or (see the rule above) <paramref name="f"/> with
    /// the workflow of the dashboard change its read may predate. <paramref name="hash"/> follows the JSON.
    /// </summary>
    public FindingRecord Apply(FindingRecord f, long fetchedAtTicks, ref long hash)
    {
        if (_latest.Count == 0 || !_latest.TryGetValue((f.Id, f.ProductArn), out var change)) return f;
        if (change.ChangedAtTicks < fetchedAtTicks || change.ChangedAtTicks < Instants.ToTicks(f.UpdatedAt)) return f;

        Kept++;
        var json = AsffWorkflowJson.Apply(f.RawJson, change.ToStatus, change.Note, change.ChangedBy, Instants.FromTicks(change.ChangedAtTicks));
        // Not a JSON object (the sync's parser lets none through): the status column still follows the change.
        if (json is null) return f with { WorkflowStatus = change.ToStatus };
        hash = RawJsonHash.Compute(json);
        return f with { WorkflowStatus = change.ToStatus, RawJson = json };
    }

    private sealed record Change(string ToStatus, string Note, string ChangedBy, long ChangedAtTicks);
}
