using System.CommandLine;
using System.Text.Json;
using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Organizations;
using Dashboard.Data.Iam;
using Dashboard.Data.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Cli;

/// <summary><c>iam can</c> and <c>iam risks</c>: the IAM analysis over the cache, for automation and offline use.</summary>
internal static class IamCommand
{
    public const int ExitAllowed = 0, ExitDenied = 1, ExitDependsOnCondition = 2, ExitError = 3;

    public static Command Create()
    {
        var iam = new Command("iam", "Query the cached IAM data of an account (sync it or `import iam` first).");
        iam.Subcommands.Add(CreateCan());
        iam.Subcommands.Add(CreateRisks());
        return iam;
    }

    private static Command CreateCan()
    {
        var account = new Option<string>("--account") { Description = "The account id.", Required = true };
        var principal = new Option<string>("--principal") { Description = "The user or role ARN.", Required = true };
        var action = new Option<string>("--action") { Description = "The action, e.g. s3:GetObject.", Required = true };
        var resource = new Option<string>("--resource") { Description = "The resource ARN (default *).", DefaultValueFactory = _ => "*" };
        var context = new Option<string[]>("--context") { Description = "Context keys as key=value (repeat for more; key= marks it absent).", AllowMultipleArgumentsPerToken = true };
        var can = new Command("can", "Can the principal perform the action on the resource? Prints the decision and its explanation as JSON. Exit code 0 allowed, 1 denied, 2 allowed only if a condition holds, 3 error.")
        {
            account, principal, action, resource, context,
        };
        can.SetAction(async (result, ct) =>
        {
            if (!ContextKeys.TryParseAssignments(result.GetValue(context) ?? [], out var keys, out var contextError))
                return Fail($"--context: {contextError}");

            await using var dashboard = await CliApp.BuildAsync(result, ct, demoAllowed: false);
            var accountId = result.GetValue(account)!;
            var snapshot = await dashboard.Services.GetRequiredService<IamQueries>().GetSnapshotAsync(accountId, ct);
            if (snapshot is null) return Fail($"No IAM data cached for account {accountId}: run a sync or `import iam {accountId} FILE` first.");
            var organization = (await dashboard.Services.GetRequiredService<OrganizationQueries>().GetLatestAsync(ct))?.Snapshot;
            try
            {
                var decision = new IamAccountAccess(snapshot).Can(
                    result.GetValue(principal)!, result.GetValue(action)!, result.GetValue(resource)!, keys,
                    ScpScope.For(organization, accountId));
                Console.WriteLine(EvaluationResultFormatter.ToJson(decision));
                // On stderr, so stdout stays one JSON document for scripts.
                if (ScpScope.WhyNotApplied(organization, accountId) is { } note) Console.Error.WriteLine(note);
                return decision.Kind switch
                {
                    DecisionKind.Allowed => ExitAllowed,
                    DecisionKind.ConditionallyAllowed => ExitDependsOnCondition,
                    _ => ExitDenied,
                };
            }
            catch (ArgumentException ex)
            {
                return Fail(ex.Message);
            }
        });
        return can;
    }

    private static Command CreateRisks()
    {
        var account = new Option<string[]>("--account") { Description = "Only these accounts (default all).", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "json or csv", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var risks = new Command("risks", "Print the cached IAM risk results (failed and conditional).") { account, format };
        risks.SetAction(async (result, ct) =>
        {
            await using var dashboard = await CliApp.BuildAsync(result, ct, demoAllowed: false);
            var queries = dashboard.Services.GetRequiredService<IamQueries>();
            var filter = new IamRiskFilter { AccountIds = result.GetValue(account) ?? [] };
            var rows = new List<IamRiskRow>();
            for (var skip = 0; ; skip += 500)
            {
                var page = await queries.GetRisksAsync(filter, skip, 500, ct);
                rows.AddRange(page.Rows);
                if (page.Rows.Count < 500) break;
            }
            if (result.GetValue(format) == "csv") await IamRiskCsv.WriteAsync(rows, Console.Out, ct);
            else Console.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
            return 0;
        });
        return risks;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return ExitError;
    }
}
