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
        var force = new Option<bool>("--force") { Description = "Store the dump as ACCOUNT even though its ARNs name another account (refused otherwise, exit code 3)." };
        var command = new Command("iam", "Store an IAM authorization-details dump as one account's IAM and analyse its risks. A dump has no credential report, account summary or password policy: the account's cached ones are kept.") { account, file, force };
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

            IamAuthorizationDetails details;
            try
            {
                details = IamAuthorizationDetailsReader.Read(await File.ReadAllTextAsync(path.FullName, ct));
            }
            catch (Exception ex) when (ex is IOException or IamInventoryFormatException or System.Text.Json.JsonException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{path.Name}: cannot import: {ex.Message} Nothing was changed in the cache.");
                return 3;
            }

            // A dump stored under the wrong account would replace that account's IAM with another's. A dump
            // whose entities are mostly ACCOUNT's but not all (concatenated dumps) is stored with a warning.
            if (details.InferAccountId() is { } named && named != accountId && !result.GetValue(force))
            {
                Console.Error.WriteLine($"{path.Name}: its users, groups, roles and policies belong to account {named}, not {accountId}. Nothing was changed in the cache; check the account id, or give --force to store it as {accountId} anyway.");
                return 3;
            }

            var snapshot = details.ToSnapshot(accountId, DateTimeOffset.UtcNow, IamSnapshotSource.AuthorizationDetailsDump);
            await using var dashboard = await CliApp.BuildAsync(result, ct, demoAllowed: false);
            await DatabaseMigrator.MigrateAsync(dashboard.Services, ct);
            snapshot = ImportKeepsAccountData.Apply(snapshot, await dashboard.Services.GetRequiredService<IamQueries>().GetSnapshotAsync(accountId, ct), out var kept);
            // Analysed as a sync would analyse it: the cached organization's accounts trusted, its SCPs applied.
            var organization = (await dashboard.Services.GetRequiredService<OrganizationQueries>().GetLatestAsync(ct))?.Snapshot;
            var context = IamSyncContext.For(organization);
            var options = context.RiskOptions(dashboard.Services.GetRequiredService<IOptions<RiskAnalysisOptions>>().Value);
            var risks = new IamRiskAnalyzer(TimeProvider.System).Analyze(snapshot, options, context.ScpsFor(accountId));
            await dashboard.Services.GetRequiredService<IamStore>().SaveAsync(snapshot, risks, syncRunId: null, ct);
            Console.WriteLine($"{path.Name}: account {accountId}: {snapshot.Users.Count} users, {snapshot.Roles.Count} roles, {snapshot.Groups.Count} groups, {snapshot.ManagedPolicies.Count} managed policies; {risks.Count(r => r.Status is RiskStatus.Fail or RiskStatus.Conditional)} risk results.");
            foreach (var warning in snapshot.Warnings.Where(w => w != kept)) Console.WriteLine($"  warning: {warning}");
            if (kept is not null) Console.WriteLine($"  {kept}");
            var notEvaluated = risks.Where(r => r.Status == RiskStatus.Error && r.ResourceType is RiskResourceType.Account or RiskResourceType.PasswordPolicy).Select(r => r.RuleId).ToList();
            if (notEvaluated.Count > 0) Console.WriteLine($"  not evaluated without a credential report, account summary or password policy: {string.Join(", ", notEvaluated)} (sync the account to get them).");
            return 0;
        });
        return command;
    }
}
