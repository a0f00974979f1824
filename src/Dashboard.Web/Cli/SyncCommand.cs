using System.CommandLine;
using Dashboard.Core.Sync;
using Dashboard.Data.Database;
using Dashboard.Web.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Cli;

internal static class SyncCommand
{
    public static Command Create()
    {
        var command = new Command("sync", "Run one findings sync now and print its result. Exit code 0 when every account-Region succeeded, 1 otherwise.");
        command.SetAction(async (result, ct) =>
        {
            await using var dashboard = await CliApp.BuildAsync(result, ct, demoAllowed: true);
            await DatabaseMigrator.MigrateAsync(dashboard.Services, ct);
            var run = await dashboard.Services.GetRequiredService<DashboardSync>().RunAsync("cli", ct);
            if (run is null)
            {
                Console.Error.WriteLine("A sync is already running.");
                return 1;
            }
            Console.WriteLine($"Sync run {run.Id}: {run.Status}. {run.New} new, {run.Updated} updated, {run.Unchanged} unchanged, {run.Rejected} rejected, {run.Retries} retries.");
            foreach (var target in run.Targets.Where(t => t.Status == SyncTargetStatus.Failed))
                Console.WriteLine($"  {target.AccountId}/{target.Region} failed: {target.Error}");
            // An IAM account can succeed with parts missing (credential report denied): say so, or a script would never know.
            foreach (var target in run.Targets.Where(t => t.Status == SyncTargetStatus.Succeeded && t.Kind == SyncTargetKinds.Iam))
            {
                foreach (var warning in target.RejectionSamples) Console.WriteLine($"  {target.AccountId} IAM warning: {warning}");
            }
            if (run.Error is not null) Console.WriteLine($"  {run.Error}");
            return run.Status == SyncRunStatus.Succeeded ? 0 : 1;
        });
        return command;
    }
}
