namespace Dashboard.Web.Hosting;

/// <summary>
/// Where the SQLite cache lives. Every verb takes it from, in order: the <c>--data</c> option, the
/// <c>DASHBOARD_DATA_DIR</c> environment variable, <c>Dashboard:DataDirectory</c>, or <c>./.data</c>, so
/// several caches can coexist.
/// </summary>
public static class DataDirectory
{
    public const string EnvironmentVariable = "DASHBOARD_DATA_DIR";
    public const string DatabaseFileName = "dashboard.db";

    public static string Resolve(string? option, string? configured)
        => Resolve(option, Environment.GetEnvironmentVariable(EnvironmentVariable), configured);

    internal static string Resolve(string? option, string? environment, string? configured)
    {
        var dir = !string.IsNullOrWhiteSpace(option) ? option
            : !string.IsNullOrWhiteSpace(environment) ? environment
            : !string.IsNullOrWhiteSpace(configured) ? configured
            : ".data";
        return Path.GetFullPath(dir);
    }

    public static string DatabasePath(string directory) => Path.Combine(directory, DatabaseFileName);
}
