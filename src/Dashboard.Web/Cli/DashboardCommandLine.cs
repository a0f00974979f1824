using System.CommandLine;

namespace Dashboard.Web.Cli;

/// <summary>
/// The verbs of the dashboard's executable: serve (default), migrate, sync, import findings,
/// findings export, standin. Every verb takes the data folder from --data or DASHBOARD_DATA_DIR.
/// </summary>
public static class DashboardCommandLine
{
    public static readonly Option<string?> DataOption = new("--data")
    {
        Description = "Folder of the SQLite cache (default: DASHBOARD_DATA_DIR, then Dashboard:DataDirectory, then ./.data).",
        Recursive = true,
    };

    public static Task<int> InvokeAsync(string[] args) => Build().Parse(args).InvokeAsync();

    public static RootCommand Build()
    {
        var root = new RootCommand("AWS security posture dashboard. Without a verb it serves the web app (demo mode when no AWS account is configured).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(DataOption);
        root.SetAction((result, ct) => ServeCommand.RunAsync(result, ct));

        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(SyncCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(FindingsCommand.Create());
        root.Subcommands.Add(IamCommand.Create());
        root.Subcommands.Add(OrgCommand.Create());
        root.Subcommands.Add(StandInCommand.Create());
        return root;
    }
}
