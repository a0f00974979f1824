using System.CommandLine;
using Dashboard.Core.Organizations;
using Dashboard.Data.Database;
using Dashboard.Data.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Cli;

/// <summary><c>import org FILE</c>: an organization in the documented file format (src/Dashboard.Core/Organizations/ORG-FILE-FORMAT.md).</summary>
internal static class ImportOrgCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The organization file (OUs, accounts, SCPs and where they are attached)." };
        var command = new Command("org", "Store an organization from a file so SCP analysis works offline.") { file };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            OrganizationSnapshot snapshot;
            try
            {
                snapshot = OrganizationFileReader.ReadFile(path.FullName);
            }
            catch (Exception ex) when (ex is IOException or InvalidOrganizationException or System.Text.Json.JsonException or UnauthorizedAccessException or FormatException)
            {
                Console.Error.WriteLine($"{path.Name}: cannot import: {ex.Message}");
                return 3;
            }

            await using var dashboard = await CliApp.BuildAsync(result, ct, demoAllowed: false);
            await DatabaseMigrator.MigrateAsync(dashboard.Services, ct);
            await dashboard.Services.GetRequiredService<OrganizationStore>().SaveAsync(snapshot, DateTimeOffset.UtcNow, "import", syncRunId: null, ct);
            Console.WriteLine($"{path.Name}: organization {snapshot.Organization.Id}: {snapshot.Accounts.Count} accounts, {snapshot.OrganizationalUnits.Count} OUs, {snapshot.Policies.Count} policies.");
            foreach (var problem in snapshot.PolicyProblems())
                Console.WriteLine($"  policy {problem.PolicyName} ({problem.PolicyId}) cannot be read: {problem.Error}; results for accounts below {string.Join(", ", problem.AttachedTo)} are uncertain.");
            return 0;
        });
        return command;
    }
}
