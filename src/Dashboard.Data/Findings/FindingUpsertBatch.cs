using Dashboard.Core.Findings;
using Dashboard.Data.Database;
using Microsoft.Data.Sqlite;
using static Dashboard.Data.Findings.FindingUpsertSql;

namespace Dashboard.Data.Findings;

/// <summary>
/// One upsert call inside its transaction. Each finding is looked up by (Id, ProductArn); unchanged
/// ones stop there, the others are staged in an in-memory temp table with the Key they will have and
/// which indexed columns they change, then written set-based (SQLite keeps its index cursors open
/// across the rows: measured twice as fast as one statement per finding with a dozen indexes): one
/// INSERT for the new findings, one UPDATE per distinct set of changed indexed columns
/// (<see cref="FindingUpsertSql"/>). The summary tables are adjusted by GROUP BYs over the staged
/// rows whose summary columns moved.
/// </summary>
internal sealed class FindingUpsertBatch : IDisposable
{
    /// <summary>
    /// The stored rows about to be replaced. CROSS JOIN fixes the loop order: SQLite, knowing
    /// nothing of the temp table's size, would otherwise scan all findings and probe the stage.
    /// </summary>
    internal const string ReplacedRows = """temp."FindingStage" s CROSS JOIN main."Findings" f ON f."Key" = s."Key" """;

    /// <summary>Where the indexed columns start in <see cref="FindingUpsertSql.Lookup"/>'s result.</summary>
    private const int LookupIndexedStart = 3;
    private static readonly int SeverityRankBit = Array.IndexOf(IndexedColumns, "SeverityRank");

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _lookup;
    private readonly SqliteCommand _stage;
    private readonly SqliteParameter[] _stageValues;
    private readonly List<(long Key, string RawJson)> _json = [];
    private readonly HashSet<int> _updateMasks = [];
    private long _nextKey;
    private bool _summaryMoves;

    public FindingUpsertBatch(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        Execute(CreateStage);
        _nextKey = (long)(Scalar("""SELECT COALESCE(MAX("Key"), 0) FROM main."Findings" """) ?? 0L) + 1;

        _lookup = Create(Lookup);
        _lookup.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        _lookup.Parameters.Add(new SqliteParameter { ParameterName = "$arn" });
        _lookup.Prepare();

        _stage = Create(Stage);
        // No declared SqliteType: each value binds as its own type (text, integer or null).
        _stageValues = new[] { "Key" }.Concat(Columns).Append("IsUpdate").Append("Changed")
            .Select(c => _stage.Parameters.Add(new SqliteParameter { ParameterName = "$" + c }))
            .ToArray();
        _stage.Prepare();
    }

    public int New { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }

    /// <summary>Classifies one finding and stages it unless it is unchanged.</summary>
    public void Add(FindingRecord f, long hash)
    {
        var updatedAt = Instants.ToTicks(f.UpdatedAt);
        _lookup.Parameters[0].Value = f.Id;
        _lookup.Parameters[1].Value = f.ProductArn;
        long? existing = null;
        var changed = 0;
        using (var reader = _lookup.ExecuteReader())
        {
            if (reader.Read())
            {
                if (reader.GetInt64(1) == hash && reader.GetInt64(2) == updatedAt)
                {
                    Unchanged++;
                    return;
                }
                existing = reader.GetInt64(0);
                changed = ChangedIndexedColumns(reader, f);
            }
        }

        var key = existing ?? _nextKey++;
        Bind(key, f, hash, updatedAt, existing is not null, changed);
        _stage.ExecuteNonQuery();
        _json.Add((key, f.RawJson));
        if (existing is null) New++;
        else
        {
            Updated++;
            _updateMasks.Add(changed);
            if ((changed & SummaryMask) != 0) _summaryMoves = true;
        }
    }

    /// <summary>An earlier copy of a finding that appears again later in the same call.</summary>
    public void CountSuperseded(bool identicalToLater)
    {
        if (identicalToLater) Unchanged++;
        else Updated++;
    }

    /// <summary>Writes the staged findings, their JSON and the summary changes.</summary>
    public void Write(CancellationToken ct)
    {
        if (_json.Count == 0)
        {
            Execute(DropStage);
            return;
        }
        // Take the moved rows out of the summary before they are overwritten. A row whose summary
        // columns stay put would be taken out and put back into the same group: skipped.
        if (_summaryMoves) Execute(FindingSummarySql.Add(ReplacedRows, $"""s."IsUpdate" = 1 AND (s."Changed" & {SummaryMask}) <> 0""", -1));
        ct.ThrowIfCancellationRequested();

        foreach (var mask in _updateMasks)
        {
            Execute(Update(mask));
            ct.ThrowIfCancellationRequested();
        }

        if (New > 0) Execute(InsertNew);
        ct.ThrowIfCancellationRequested();

        using (var json = Create(UpsertJson))
        {
            var key = json.Parameters.Add(new SqliteParameter { ParameterName = "$key" });
            var raw = json.Parameters.Add(new SqliteParameter { ParameterName = "$raw" });
            json.Prepare();
            foreach (var (k, r) in _json)
            {
                key.Value = k;
                raw.Value = r;
                json.ExecuteNonQuery();
            }
        }
        ct.ThrowIfCancellationRequested();

        if (New > 0 || _summaryMoves)
            Execute(FindingSummarySql.Add("""temp."FindingStage" f""", $"""(f."IsUpdate" = 0 OR (f."Changed" & {SummaryMask}) <> 0)""", +1));
        if (_summaryMoves) Execute(FindingSummarySql.RemoveEmpty);
        // Inside the transaction, so a rollback drops it too: nothing stays on the pooled connection.
        Execute(DropStage);
    }

    /// <summary>Bit i set when IndexedColumns[i] differs between the stored row (the lookup's reader) and <paramref name="f"/>.</summary>
    private static int ChangedIndexedColumns(SqliteDataReader stored, FindingRecord f)
    {
        // The order of FindingUpsertSql.IndexedColumns; SeverityRank, the only number, is compared apart.
        ReadOnlySpan<string?> values =
            [f.AwsAccountId, f.Region, f.ProductName, f.ControlId, f.Title, null, f.ComplianceStatus, f.WorkflowStatus, f.RecordState, f.ResourceType, f.ResourceId];
        var mask = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var ordinal = LookupIndexedStart + i;
            var same = i == SeverityRankBit
                ? !stored.IsDBNull(ordinal) && stored.GetInt64(ordinal) == (int)f.Severity
                : stored.IsDBNull(ordinal) ? values[i] is null : values[i] is { } v && string.Equals(stored.GetString(ordinal), v, StringComparison.Ordinal);
            if (!same) mask |= 1 << i;
        }

        return mask;
    }

    private void Bind(long key, FindingRecord f, long hash, long updatedAt, bool isUpdate, int changed)
    {
        var v = _stageValues;
        v[0].Value = key;
        v[1].Value = f.Id;
        v[2].Value = f.ProductArn;
        v[3].Value = f.AwsAccountId;
        v[4].Value = f.Region;
        v[5].Value = f.ProductName;
        v[6].Value = (object?)f.CompanyName ?? DBNull.Value;
        v[7].Value = f.GeneratorId;
        v[8].Value = (object?)f.ControlId ?? DBNull.Value;
        v[9].Value = f.Title;
        v[10].Value = (int)f.Severity;
        v[11].Value = f.SeverityNormalized;
        v[12].Value = (object?)f.ComplianceStatus ?? DBNull.Value;
        v[13].Value = f.WorkflowStatus;
        v[14].Value = f.RecordState;
        v[15].Value = (object?)f.ResourceType ?? DBNull.Value;
        v[16].Value = (object?)f.ResourceId ?? DBNull.Value;
        v[17].Value = (object?)Instants.ToTicks(f.FirstObservedAt) ?? DBNull.Value;
        v[18].Value = (object?)Instants.ToTicks(f.LastObservedAt) ?? DBNull.Value;
        v[19].Value = Instants.ToTicks(f.CreatedAt);
        v[20].Value = updatedAt;
        v[21].Value = hash;
        v[22].Value = isUpdate ? 1 : 0;
        v[23].Value = changed;
    }

    private SqliteCommand Create(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Create(sql);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Create(sql);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        _lookup.Dispose();
        _stage.Dispose();
    }
}
