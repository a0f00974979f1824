using System.CommandLine;
using Dashboard.Data.Database;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Cli;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create or upgrade the SQLite cache to the current schema, then exit.");
        command.SetAction(async (result, ct) =>
        {
            await using var dashboard = await CliApp.BuildAsync(result, ct, demoAllowed: false);
            await DatabaseMigrator.MigrateAsync(dashboard.Services, ct);
            Console.WriteLine($"Cache at {DataDirectory.DatabasePath(dashboard.DataDirectoryPath)} is up to date.");
            return 0;
        });
        return command;
    }
}
