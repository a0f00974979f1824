using System.CommandLine;
using System.Text.Json;
using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Iam;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Cli;

/// <summary>
/// <c>iam risks</c>: the cached risk results that need attention: failed, conditional, and rules that
/// could not be evaluated (a denied credential report must not read as "no risks"). An account that has
/// no IAM data cached is an error, not an empty list, for the same reason.
/// </summary>
internal static class IamRisksCommand
{
    private const int PageSize = 500;

    public static Command Create()
    {
        var account = new Option<string[]>("--account") { Description = "Only these accounts (default all).", AllowMultipleArgumentsPerToken = true };
        var severity = new Option<string[]>("--severity") { Description = "Only these severities: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL (comma-separated or repeated).", AllowMultipleArgumentsPerToken = true };
        var rule = new Option<string[]>("--rule") { Description = "Only these rule ids, e.g. iam_principal_no_privilege_escalation.", AllowMultipleArgumentsPerToken = true };
        var status = new Option<string[]>("--status") { Description = "Only these statuses: fail, conditional, mitigated, error (default fail,conditional,error; error = could not be evaluated).", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "json or csv", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var risks = new Command("risks", "Print the cached IAM risk results (failed, conditional and not evaluated), worst first.") { account, severity, rule, status, format };
        risks.SetAction(async (result, ct) =>
        {
            if (!TryParseSeverities(result.GetValue(severity) ?? [], out var severities, out var severityError)) return CliCache.Fail(severityError!);
            if (!TryParseStatuses(result.GetValue(status) ?? [], out var statuses, out var statusError)) return CliCache.Fail(statusError!);
            var accounts = Split(result.GetValue(account));

            await using var dashboard = await CliApp.BuildAsync(result, ct, demoAllowed: false);
            if (CliCache.Missing(dashboard, IamCommand.NoDataHint) is { } missing) return CliCache.Fail(missing);
            return await CliCache.QueryAsync(dashboard, async () =>
            {
                var queries = dashboard.Services.GetRequiredService<IamQueries>();
                var cached = (await queries.GetAccountsAsync(ct)).Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
                if (cached.Count == 0) return CliCache.Fail($"No IAM data cached: {IamCommand.NoDataHint}");
                var unknown = accounts.Where(a => !cached.Contains(a)).ToList();
                if (unknown.Count > 0) return CliCache.Fail($"No IAM data cached for account {string.Join(", ", unknown)}: {IamCommand.NoDataHint}");

                var filter = new IamRiskFilter { AccountIds = accounts, Severities = severities, RuleIds = Split(result.GetValue(rule)), Statuses = statuses };
                var rows = new List<IamRiskRow>();
                for (var skip = 0; ; skip += PageSize)
                {
                    var page = await queries.GetRisksAsync(filter, skip, PageSize, ct);
                    rows.AddRange(page.Rows);
                    if (page.Rows.Count < PageSize) break;
                }

                if (result.GetValue(format) == "csv") await IamRiskCsv.WriteAsync(rows, Console.Out, ct);
                else Console.WriteLine(JsonSerializer.Serialize(rows, CliJson.Options));
                return 0;
            });
        });
        return risks;
    }

    private static List<string> Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    private static bool TryParseStatuses(string[] values, out List<RiskStatus> statuses, out string? error)
    {
        statuses = [];
        error = null;
        foreach (var text in Split(values))
        {
            if (!Enum.TryParse<RiskStatus>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || text.All(char.IsAsciiDigit))
            {
                error = $"--status: '{text}' is not fail, conditional, mitigated or error.";
                return false;
            }

            statuses.Add(parsed);
        }

        if (statuses.Count == 0) statuses = [.. IamRiskFilter.AttentionStatuses];
        return true;
    }

    private static bool TryParseSeverities(string[] values, out List<Severity> severities, out string? error)
    {
        severities = [];
        error = null;
        foreach (var text in Split(values))
        {
            if (!Enum.TryParse<Severity>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || text.All(char.IsAsciiDigit))
            {
                error = $"--severity: '{text}' is not CRITICAL, HIGH, MEDIUM, LOW or INFORMATIONAL.";
                return false;
            }

            severities.Add(parsed);
        }

        return true;
    }
}
