using System.CommandLine;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Database;
using Dashboard.Data.Iam;
using Dashboard.Data.Organizations;
using Dashboard.Web.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Cli;

/// <summary><c>import iam ACCOUNT FILE</c>: an <c>aws iam get-account-authorization-details</c> dump as that account's IAM.</summary>
internal static class ImportIamCommand
{
    public static Command Create()
    {
        var account = new Argument<string>("account") { Description = "The 12-digit account id the dump belongs to." };
        var file = new Argument<FileInfo>("file") { Description = "The JSON written by `aws iam get-account-authorization-details`." };
        var command = new Command("iam", "Store an IAM authorization-details dump as one account's IAM and analyse its risks (no credential report in a dump).") { account, file };
        command.SetAction(async (result, ct) =>
        {
            var accountId = result.GetValue(account)!;
            if (accountId.Length != 12 || !accountId.All(char.IsAsciiDigit))
            {
                Console.Error.WriteLine($"'{accountId}' is not an AWS account id (12 digits).");
                return 3;
            }
            var path = result.GetValue(file)!;
            if (Directory.Exists(path.FullName))
            {
                Console.Error.WriteLine($"{path.FullName} is a folder; give the JSON file `aws iam get-account-authorization-details` wrote.");
                return 3;
            }

            IamAccountSnapshot snapshot;
            try
            {
                var json = await File.ReadAllTextAsync(path.FullName, ct);
                snapshot = IamAuthorizationDetailsReader.ReadSnapshot(json, accountId, DateTimeOffset.UtcNow);
            }
            catch (Exception ex) when (ex is IOException or IamInventoryFormatException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{path.Name}: cannot import: {ex.Message} Nothing was changed in the cache.");
                return 3;
            }

            await using var dashboard = await CliApp.BuildAsync(result, ct, demoAllowed: false);
            await DatabaseMigrator.MigrateAsync(dashboard.Services, ct);
            // Analysed as a sync would analyse it: the cached organization's accounts trusted, its SCPs applied.
            var organization = (await dashboard.Services.GetRequiredService<OrganizationQueries>().GetLatestAsync(ct))?.Snapshot;
            var context = IamSyncContext.For(organization);
            var options = context.RiskOptions(dashboard.Services.GetRequiredService<IOptions<RiskAnalysisOptions>>().Value);
            var risks = new IamRiskAnalyzer(TimeProvider.System).Analyze(snapshot, options, context.ScpsFor(accountId));
            await dashboard.Services.GetRequiredService<IamStore>().SaveAsync(snapshot, risks, syncRunId: null, ct);
            Console.WriteLine($"{path.Name}: account {accountId}: {snapshot.Users.Count} users, {snapshot.Roles.Count} roles, {snapshot.Groups.Count} groups, {snapshot.ManagedPolicies.Count} managed policies; {risks.Count(r => r.Status is RiskStatus.Fail or RiskStatus.Conditional)} risk results.");
            foreach (var warning in snapshot.Warnings) Console.WriteLine($"  warning: {warning}");
            return 0;
        });
        return command;
    }
}
