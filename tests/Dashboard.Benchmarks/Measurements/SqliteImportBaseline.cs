using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Dashboard.Benchmarks.Measurements;

/// <summary>
/// 3. The baseline the full sync is compared with: the very rows the cache holds (the Findings table
/// and the FindingJson table with the raw ASFF), exported to CSV and bulk-loaded by the sqlite3 CLI's
/// <c>.import</c> into a fresh database with the cache's own DDL, indexes included, and its pragmas.
/// Only the <c>.import</c> is timed. The summary tables the sync also keeps exact are not part of it.
/// </summary>
internal static class SqliteImportBaseline
{
    /// <summary>What FindingStore sets while it writes (SqlitePragmaInterceptor.WriteCacheKiB): the same page cache for both.</summary>
    private const string WriteCacheKiB = "-131072";

    private static readonly string[] Tables = ["Findings", "FindingJson"];

    public sealed record Result(
        string? SkipReason,
        long Rows,
        TimeSpan ImportTime,
        long CsvBytes,
        string? CliVersion,
        string? CliWarnings)
    {
        public bool Measured => SkipReason is null;
        public double RowsPerSecond => Rows / ImportTime.TotalSeconds;
    }

    public static async Task<Result> RunAsync(string cacheDatabase, string workDirectory, bool keep, CancellationToken ct)
    {
        var cli = FindOnPath("sqlite3");
        if (cli is null)
            return Skip("the sqlite3 command-line shell is not on PATH: install Debian's sqlite3 (apt-get install sqlite3; .ci/run does it) to measure the baseline.");

        var version = (await RunAsync(cli, ["-version"], script: null, ct)).Output.Split(' ').FirstOrDefault();
        var source = ReadSource(cacheDatabase);

        var folder = Path.Combine(workDirectory, "baseline");
        Directory.CreateDirectory(folder);
        var csv = Tables.ToDictionary(t => t, t => Path.Combine(folder, t + ".csv"));
        var database = Path.Combine(folder, "baseline.db");
        try
        {
            // Exported by the same shell that imports it, so quoting, line ends and numbers round-trip.
            var export = new StringBuilder(".bail on\n.mode csv\n.headers off\n");
            foreach (var table in Tables)
                export.Append(CultureInfo.InvariantCulture, $".once {Quote(csv[table])}\nSELECT * FROM \"{table}\" ORDER BY rowid;\n");
            await RunAsync(cli, ["-batch", cacheDatabase], export.ToString(), ct);
            var csvBytes = Tables.Sum(t => new FileInfo(csv[t]).Length);

            // page_size must precede the first table; journal_mode=WAL persists in the file.
            await RunAsync(cli, ["-batch", "-bail", database],
                $"PRAGMA page_size={source.PageSize};\nPRAGMA journal_mode=WAL;\n{source.Ddl}", ct);

            // Per-connection settings the cache's connections have while FindingStore writes: WAL with
            // synchronous=NORMAL, a 128 MB page cache, and foreign keys on (EF Core's SQLite provider
            // turns them on, so each FindingJson row checks its Findings row in both cases).
            var import = new StringBuilder(
                $"PRAGMA synchronous=NORMAL;\nPRAGMA cache_size={WriteCacheKiB};\nPRAGMA temp_store=MEMORY;\nPRAGMA foreign_keys=ON;\n");
            foreach (var table in Tables) import.Append(CultureInfo.InvariantCulture, $".import --csv {Quote(csv[table])} \"{table}\"\n");
            var stopwatch = Stopwatch.StartNew();
            var imported = await RunAsync(cli, ["-batch", database], import.ToString(), ct);
            stopwatch.Stop();

            var copied = ReadCounts(database);
            if (copied != source.Counts)
                return Skip($"the baseline database holds {copied} but the cache holds {source.Counts}: the comparison would be unfair. sqlite3 said: {imported.Errors}");
            var warnings = string.IsNullOrWhiteSpace(imported.Errors) ? null : string.Join(" ", imported.Errors.Split('\n').Take(3));
            return new Result(null, source.Counts.Findings, stopwatch.Elapsed, csvBytes, version, warnings);
        }
        finally
        {
            foreach (var file in csv.Values) File.Delete(file);
            if (!keep)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static Result Skip(string reason) => new(reason, 0, TimeSpan.Zero, 0, null, null);

    private sealed record Source(string Ddl, int PageSize, RowCounts Counts);

    /// <summary>Row counts, and the total length of the raw JSON as a cheap check that the whole text arrived.</summary>
    private sealed record RowCounts(long Findings, long Json, long JsonChars)
    {
        public override string ToString() => $"{Findings:N0} findings, {Json:N0} JSON rows ({JsonChars:N0} characters)";
    }

    /// <summary>The Findings and FindingJson DDL exactly as the migrations created them: tables first, then their indexes.</summary>
    private static Source ReadSource(string cacheDatabase)
    {
        using var connection = Open(cacheDatabase);
        using var command = connection.CreateCommand();
        // Indexes behind UNIQUE/PRIMARY KEY constraints have no sql: the table's DDL creates them.
        command.CommandText = """
            SELECT "sql" FROM "sqlite_master"
            WHERE "tbl_name" IN ('Findings', 'FindingJson') AND "sql" IS NOT NULL
            ORDER BY CASE "type" WHEN 'table' THEN 0 ELSE 1 END, CASE "tbl_name" WHEN 'Findings' THEN 0 ELSE 1 END, "name"
            """;
        var ddl = new StringBuilder();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) ddl.Append(reader.GetString(0)).Append(";\n");
        }

        command.CommandText = "PRAGMA page_size";
        var pageSize = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (!ddl.ToString().Contains("CREATE TABLE \"FindingJson\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"The cache {cacheDatabase} has no FindingJson table; is it migrated?");
        return new Source(ddl.ToString(), pageSize, ReadCounts(connection));
    }

    private static RowCounts ReadCounts(string database)
    {
        using var connection = Open(database);
        return ReadCounts(connection);
    }

    private static RowCounts ReadCounts(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM "Findings"), (SELECT count(*) FROM "FindingJson"), (SELECT coalesce(sum(length("RawJson")), 0) FROM "FindingJson")
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new RowCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private sealed record CliOutput(string Output, string Errors);

    /// <summary>Runs the sqlite3 shell with a script on standard input; a non-zero exit is an error naming the step.</summary>
    private static async Task<CliOutput> RunAsync(string cli, string[] args, string? script, CancellationToken ct)
    {
        var start = new ProcessStartInfo(cli)
        {
            RedirectStandardInput = script is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {cli}.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        if (script is not null)
        {
            await process.StandardInput.WriteAsync(script.AsMemory(), ct);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync(ct);
        var result = new CliOutput((await output).Trim(), (await errors).Trim());
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"sqlite3 {string.Join(' ', args)} exited with {process.ExitCode}: {result.Errors}");
        return result;
    }

    /// <summary>A file name for a dot-command argument (the shell takes double-quoted arguments).</summary>
    private static string Quote(string path)
    {
        if (path.Contains('"', StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal))
            throw new InvalidOperationException($"The work folder path {path} contains a quote or backslash, which the sqlite3 shell's dot-commands cannot take; pass another --work.");
        return $"\"{path}\"";
    }

    private static string? FindOnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
