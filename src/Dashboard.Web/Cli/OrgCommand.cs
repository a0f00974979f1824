using System.CommandLine;
using Dashboard.Core.Organizations.Guardrails;
using Dashboard.Data.Organizations;
using Dashboard.Web.Organizations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Cli;

/// <summary><c>org guardrails</c>: the accounts × guardrails matrix of the cached organization.</summary>
internal static class OrgCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "json or csv", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var ou = new Option<string?>("--ou") { Description = "Only the accounts under this OU (or root) id." };
        var guardrails = new Command("guardrails", "Print which guardrails each account really gets, computed by evaluating test requests through its effective SCPs (the built-in guardrails plus those in Organizations:Guardrails:DefinitionsFile).") { format, ou };
        guardrails.SetAction(async (result, ct) =>
        {
            await using var dashboard = await CliApp.BuildAsync(result, ct, demoAllowed: false);
            var cached = await dashboard.Services.GetRequiredService<OrganizationQueries>().GetLatestAsync(ct);
            if (cached is null)
            {
                Console.Error.WriteLine("No organization cached: enable Aws:Organizations:Enabled and sync, or `import org FILE` first.");
                return 3;
            }
            var configuration = dashboard.Services.GetRequiredService<IConfiguration>();
            var options = configuration.GetSection(GuardrailOptions.SectionName).Get<GuardrailOptions>() ?? new GuardrailOptions();
            GuardrailOptionsDefaults.Apply(options, configuration);
            // Automation must not silently get fewer columns: an unusable guardrail file is an error here.
            var definitions = ActivatorUtilities.CreateInstance<GuardrailDefinitionSource>(dashboard.Services).Load(options);
            if (definitions.Error is not null)
            {
                Console.Error.WriteLine(definitions.Error);
                return 3;
            }
            GuardrailMatrix matrix;
            try
            {
                matrix = GuardrailMatrix.Compute(cached.Snapshot, definitions.Definitions, options);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                return 3;
            }
            if (result.GetValue(ou) is { Length: > 0 } target)
            {
                if (!cached.Snapshot.IsTarget(target))
                {
                    Console.Error.WriteLine($"--ou: no OU or root with id '{target}' in the cached organization.");
                    return 3;
                }
                matrix = matrix.Under(target);
            }
            if (result.GetValue(format) == "csv") GuardrailMatrixCsvWriter.Write(matrix, Console.Out);
            else GuardrailMatrixJsonWriter.Write(matrix, Console.Out);
            await Console.Out.FlushAsync(ct);
            return 0;
        });

        var org = new Command("org", "Query the cached organization (sync it or `import org` first).");
        org.Subcommands.Add(guardrails);
        return org;
    }
}
