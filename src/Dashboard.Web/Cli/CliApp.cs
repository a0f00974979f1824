using System.CommandLine;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Cli;

internal static class CliApp
{
    /// <summary>
    /// The services of a command-line verb. Verbs that never call AWS skip the demo stand-in. Log lines
    /// go to standard error, so what a verb prints (JSON, CSV) can be piped straight into another tool.
    /// </summary>
    public static Task<DashboardApp> BuildAsync(ParseResult result, CancellationToken ct, bool demoAllowed)
        => DashboardApp.BuildAsync(
            demoAllowed ? [LogsToStandardError] : ["--Dashboard:Demo=false", LogsToStandardError],
            result.GetValue(DashboardCommandLine.DataOption),
            forWeb: false,
            ct: ct);

    private const string LogsToStandardError = "--Logging:Console:LogToStandardErrorThreshold=Trace";
}
