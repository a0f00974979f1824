using System.CommandLine;
using Dashboard.StandIn;

namespace Dashboard.Web.Cli;

/// <summary><c>standin</c>: run the local AWS stand-in on 127.0.0.1 until stopped (Ctrl+C).</summary>
internal static class StandInCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 = any free port).", DefaultValueFactory = _ => 4566 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated organization.", DefaultValueFactory = _ => 42 };
        var accounts = new Option<int?>("--accounts") { Description = "Number of accounts (default 12)." };
        var findings = new Option<int?>("--findings") { Description = "Number of findings in all (default a few thousand; 1000000 for benchmarks)." };
        var regions = new Option<string[]>("--regions") { Description = "Regions, comma-separated (default us-east-1, eu-west-1, ap-southeast-2).", AllowMultipleArgumentsPerToken = true };
        var files = new Option<FileInfo[]>("--file") { Description = "Serve findings from ASFF JSON files instead of generating them.", AllowMultipleArgumentsPerToken = true };
        var externalId = new Option<string?>("--external-id") { Description = "Require this ExternalId on AssumeRole." };
        var org = new Option<string?>("--org") { Description = "Serve this organization file (ORG-FILE-FORMAT.md) or 'aws-example' instead of the generated organization." };
        var rateLimit = new Option<bool>("--rate-limit") { Description = "Enforce Security Hub's GetFindings quota (3/s, burst 6) with 429s." };

        var command = new Command("standin", "Run the local AWS stand-in (STS, Security Hub) on 127.0.0.1 until Ctrl+C.") { port, seed, accounts, findings, regions, files, org, externalId, rateLimit };
        command.SetAction(async (result, ct) =>
        {
            var options = new StandInOptions { Port = result.GetValue(port), Seed = result.GetValue(seed) };
            if (result.GetValue(accounts) is { } a) options.Accounts = a;
            if (result.GetValue(findings) is { } f) options.Findings = f;
            if (result.GetValue(files) is { Length: > 0 } paths) options.FindingFiles = [.. paths.Select(p => p.FullName)];
            if (result.GetValue(regions) is { Length: > 0 } r) options.Regions = [.. r.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
            options.RequiredExternalId = result.GetValue(externalId);
            options.OrganizationFile = result.GetValue(org) is { Length: > 0 } o && o != "aws-example" ? Path.GetFullPath(o) : result.GetValue(org);
            options.EnforceRateLimit = result.GetValue(rateLimit);
            if (options.Validate() is { Count: > 0 } problems)
            {
                foreach (var problem in problems) Console.Error.WriteLine(problem);
                return 2;
            }
            await Dashboard.StandIn.StandInCommand.RunAsync(options, ct);
            return 0;
        });
        return command;
    }
}
