using System.CommandLine;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Serve the dashboard (the default verb). ASP.NET Core options such as --urls pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((result, ct) => RunAsync(result, ct));
        return command;
    }

    public static async Task<int> RunAsync(ParseResult result, CancellationToken ct)
    {
        await using var dashboard = await DashboardApp.BuildAsync(
            [.. result.UnmatchedTokens], result.GetValue(DashboardCommandLine.DataOption), forWeb: true, ct: ct);
        if (dashboard.Demo is { } demo)
            Console.WriteLine($"Demo mode: local AWS stand-in at http://127.0.0.1:{demo.Options.Port}/ (no real AWS call is made).");
        Console.WriteLine($"Data folder: {dashboard.DataDirectoryPath}");
        await dashboard.App.RunAsync();
        return 0;
    }
}
