using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Data.Database;

/// <summary>
/// Applies the cache's pragmas on every opened connection:
/// page_size 8 KB (only takes effect while the file is still empty): a finding's JSON is 2–7 KB, so
/// 4 KB pages would hold one JSON each and waste about a third of the file;
/// WAL so pages read while a sync writes; synchronous=NORMAL (safe with WAL: a power cut may lose
/// the last commits, never corrupts); a 16 MB page cache for reads (FindingStore raises it while
/// it writes); wal_autocheckpoint 8192 pages (64 MB) instead of 1000, so the many small transactions of
/// an incremental sync (one per account-Region, plus the run records) share checkpoints instead of
/// each copying its pages back into the database. journal_mode is persistent in the file but cheap to
/// re-assert; synchronous, cache_size and wal_autocheckpoint are per connection.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    /// <summary>Negative: KiB, as SQLite's cache_size takes it.</summary>
    internal const string ReadCacheKiB = "-16384";

    /// <summary>An upsert of one account-Region (tens of thousands of findings) touches most leaf pages of the random-order indexes.</summary>
    internal const string WriteCacheKiB = "-131072";

    internal const string Pragmas =
        "PRAGMA page_size=8192; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=" + ReadCacheKiB + "; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=8192;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
