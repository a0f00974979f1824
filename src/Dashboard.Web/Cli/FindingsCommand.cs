using System.CommandLine;
using Dashboard.Core.Findings;
using Dashboard.Web.Findings;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Cli;

/// <summary><c>findings export</c>: the findings page's filters, as options, written as CSV or JSON.</summary>
internal static class FindingsCommand
{
    // Option name → the findings page's URL key, so the CLI and the page share one filter parser.
    private static readonly (string Option, string Key, string Help)[] FilterOptions =
    [
        ("--severity", "severity", "CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL (comma-separated or repeated)"),
        ("--account", "account", "AWS account ids"),
        ("--region", "region", "Regions"),
        ("--product", "product", "product names, e.g. GuardDuty"),
        ("--workflow", "workflow", "NEW, NOTIFIED, SUPPRESSED, RESOLVED"),
        ("--compliance", "compliance", "PASSED, FAILED, WARNING, NOT_AVAILABLE"),
        ("--state", "state", "record states: ACTIVE, ARCHIVED"),
        ("--type", "type", "resource types, e.g. AwsS3Bucket"),
        ("--control", "control", "control ids, e.g. S3.1"),
        ("--q", "q", "free text in title or resource id"),
        ("--sort", "sort", "sort field (severity, updated, created, title, account, region, product, control, workflow, compliance, type)"),
    ];

    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var archived = new Option<bool>("--archived") { Description = "Include archived findings." };
        var ascending = new Option<bool>("--ascending") { Description = "Sort ascending (default descending)." };
        var filters = FilterOptions.Select(f => (f.Key, Option: new Option<string[]>(f.Option) { Description = f.Help, AllowMultipleArgumentsPerToken = true })).ToList();

        var export = new Command("export", "Export the cached findings matching the filters (JSON keeps each finding's original ASFF).") { format, output, archived, ascending };
        foreach (var (_, option) in filters) export.Options.Add(option);
        export.SetAction(async (result, ct) =>
        {
            var query = new List<KeyValuePair<string, string?>>();
            foreach (var (key, option) in filters)
            {
                var values = result.GetValue(option);
                if (values is { Length: > 0 }) query.Add(new(key, string.Join(',', values)));
            }
            if (result.GetValue(archived)) query.Add(new("archived", "true"));
            if (result.GetValue(ascending)) query.Add(new("desc", "false"));
            var parsed = FindingFilterQuery.Parse(query);
            foreach (var warning in parsed.Warnings) Console.Error.WriteLine($"warning: {warning}");

            await using var dashboard = await CliApp.BuildAsync(result, ct, demoAllowed: false);
            var exporter = dashboard.Services.GetRequiredService<FindingExporter>();
            var file = result.GetValue(output);
            await using var stream = file is null ? Console.OpenStandardOutput() : File.Create(file.FullName);
            if (result.GetValue(format) == "json")
            {
                await exporter.WriteJsonAsync(parsed.Filter, stream, ct);
            }
            else
            {
                await using var writer = new StreamWriter(stream, leaveOpen: true);
                await exporter.WriteCsvAsync(parsed.Filter, writer, ct);
            }
            return 0;
        });

        var findings = new Command("findings", "Work with the cached findings.");
        findings.Subcommands.Add(export);
        return findings;
    }
}
