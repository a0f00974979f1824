using System.Data.Common;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Cli;

/// <summary>
/// Reading the cache from a query verb: a folder without a cache, or a cache the verb cannot read, is a
/// one-line message and exit code 3, never a stack trace. Query verbs do not create or migrate the
/// cache: a mistyped --data must not leave an empty database behind.
/// </summary>
internal static class CliCache
{
    public const int ExitError = 3;

    /// <summary>Null when the cache file exists; otherwise what to do about it.</summary>
    public static string? Missing(DashboardApp dashboard, string hint)
    {
        var path = DataDirectory.DatabasePath(dashboard.DataDirectoryPath);
        return File.Exists(path) ? null : $"No cache at {path}: {hint}";
    }

    /// <summary>Runs a query verb's body, turning a cache that cannot be read into a message.</summary>
    public static async Task<int> QueryAsync(DashboardApp dashboard, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (DbException ex)
        {
            return Fail($"Cannot read the cache at {DataDirectory.DatabasePath(dashboard.DataDirectoryPath)}: {ex.Message} (run `migrate` if an older version made it).");
        }
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return ExitError;
    }
}
