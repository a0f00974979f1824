using System.CommandLine;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Cli;

internal static class CliApp
{
    /// <summary>The services of a command-line verb. Verbs that never call AWS skip the demo stand-in.</summary>
    public static Task<DashboardApp> BuildAsync(ParseResult result, CancellationToken ct, bool demoAllowed)
        => DashboardApp.BuildAsync(
            demoAllowed ? [] : ["--Dashboard:Demo=false"],
            result.GetValue(DashboardCommandLine.DataOption),
            forWeb: false,
            ct: ct);
}
