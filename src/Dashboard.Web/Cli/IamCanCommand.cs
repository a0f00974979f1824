using System.CommandLine;
using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Organizations;
using Dashboard.Data.Iam;
using Dashboard.Data.Organizations;
using Dashboard.Web.Iam;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Cli;

/// <summary>
/// <c>iam can</c>: "can P do A on R?" over the cached snapshot, asked exactly as the web page asks it
/// (same request time, organization id and SCP chain), so the page and a script never disagree.
/// </summary>
internal static class IamCanCommand
{
    public static Command Create()
    {
        var account = new Option<string>("--account") { Description = "The account id.", Required = true };
        var principal = new Option<string>("--principal") { Description = "The user or role: its ARN, its name, user/NAME, role/NAME, or root.", Required = true };
        var action = new Option<string>("--action") { Description = "The action, e.g. s3:GetObject.", Required = true };
        var resource = new Option<string>("--resource") { Description = "The resource ARN (default *).", DefaultValueFactory = _ => "*" };
        var context = new Option<string[]>("--context")
        {
            Description = "Context keys as key=value (repeat a key for several values; key= marks it absent), e.g. aws:SourceIp=203.0.113.7.",
            AllowMultipleArgumentsPerToken = true,
        };
        var can = new Command("can", "Can the principal perform the action on the resource? Prints the decision and its explanation as JSON. Exit code 0 allowed, 1 denied, 2 allowed only if a condition holds, 3 error.")
        {
            account, principal, action, resource, context,
        };
        can.SetAction(async (result, ct) =>
        {
            var actionText = result.GetValue(action)!.Trim();
            var resourceText = result.GetValue(resource)!.Trim();
            if (AccessWorkbench.Validate(actionText, resourceText, null, out _) is { } problem) return CliCache.Fail(problem);
            if (!ContextKeys.TryParseAssignments(result.GetValue(context) ?? [], out var keys, out var contextError)) return CliCache.Fail($"--context: {contextError}");
            if (ContextValueCheck.Check(keys) is { } typeError) return CliCache.Fail($"--context: {typeError}");

            await using var dashboard = await CliApp.BuildAsync(result, ct, demoAllowed: false);
            if (CliCache.Missing(dashboard, IamCommand.NoDataHint) is { } missing) return CliCache.Fail(missing);
            return await CliCache.QueryAsync(dashboard, async () =>
            {
                var accountId = result.GetValue(account)!.Trim();
                var snapshot = await dashboard.Services.GetRequiredService<IamQueries>().GetSnapshotAsync(accountId, ct);
                if (snapshot is null) return CliCache.Fail($"No IAM data cached for account {accountId}: run a sync or `import iam {accountId} FILE` first.");
                var organization = (await dashboard.Services.GetRequiredService<OrganizationQueries>().GetLatestAsync(ct))?.Snapshot;
                var now = (dashboard.Services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
                var access = new IamAccountAccess(snapshot, PrincipalDetailViewModel.AccessOptionsFor(accountId, organization, now));
                if (!PrincipalArgument.TryResolve(access, result.GetValue(principal)!, out var principalArn, out var nameError)) return CliCache.Fail(nameError!);
                if (!access.TryFind(principalArn, out var identity, out var findError)) return CliCache.Fail(findError!);
                EvaluationResult decision;
                try
                {
                    decision = access.For(identity!, ScpScope.For(organization, accountId)).Explain(actionText, resourceText, null, keys);
                }
                catch (ArgumentException ex)
                {
                    return CliCache.Fail(ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message);
                }

                Console.WriteLine(EvaluationResultFormatter.ToJson(decision));
                // On stderr, so stdout stays one JSON document for scripts.
                if (ScpScope.WhyNotApplied(organization, accountId) is { } note) Console.Error.WriteLine(note);
                return decision.Kind switch
                {
                    DecisionKind.Allowed => IamCommand.ExitAllowed,
                    DecisionKind.ConditionallyAllowed => IamCommand.ExitDependsOnCondition,
                    _ => IamCommand.ExitDenied,
                };
            });
        });
        return can;
    }
}
