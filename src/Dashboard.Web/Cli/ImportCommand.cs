using System.CommandLine;
using Dashboard.Core.Findings;
using Dashboard.Data.Database;
using Dashboard.Data.Findings;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Cli;

internal static class ImportCommand
{
    private const int BatchSize = 1000;

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "ASFF JSON files: GetFindings output ({\"Findings\": [...]}), a bare array (Prowler), or one finding.",
            Arity = ArgumentArity.OneOrMore,
        };
        var findings = new Command("findings", "Store ASFF findings from files in the cache; prints how many were stored and rejected, with reasons.") { files };
        findings.SetAction(async (result, ct) =>
        {
            await using var dashboard = await CliApp.BuildAsync(result, ct, demoAllowed: false);
            await DatabaseMigrator.MigrateAsync(dashboard.Services, ct);
            var store = dashboard.Services.GetRequiredService<FindingStore>();
            return await ImportAsync(result.GetValue(files) ?? [], store, Console.Out, ct);
        });

        var import = new Command("import", "Load data into the cache from files, without AWS.");
        import.Subcommands.Add(findings);
        import.Subcommands.Add(ImportIamCommand.Create());
        import.Subcommands.Add(ImportOrgCommand.Create());
        return import;
    }

    /// <summary>Returns 0 when every finding of every file was stored, 1 otherwise.</summary>
    internal static async Task<int> ImportAsync(IEnumerable<FileInfo> files, FindingStore store, TextWriter output, CancellationToken ct)
    {
        int stored = 0, rejected = 0, unreadable = 0;
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file.FullName, ct);
            }
            catch (IOException ex)
            {
                unreadable++;
                await output.WriteLineAsync($"{file.Name}: cannot read: {ex.Message}");
                continue;
            }

            using var document = AsffDocumentReader.Read(bytes);
            if (document.Error is { } error)
            {
                unreadable++;
                await output.WriteLineAsync($"{file.Name}: rejected the whole file: {error}");
                continue;
            }

            var batch = new List<FindingRecord>(BatchSize);
            int fileStored = 0, fileRejected = 0;
            foreach (var element in document.Findings)
            {
                var parsed = AsffFindingParser.Parse(element);
                if (parsed.IsSuccess && parsed.Record is { } record)
                {
                    batch.Add(record);
                    if (batch.Count == BatchSize)
                    {
                        fileStored += Stored(await store.UpsertAsync(batch, ct));
                        batch.Clear();
                    }
                }
                else
                {
                    fileRejected++;
                    await output.WriteLineAsync($"{file.Name}: rejected finding {parsed.FindingId ?? "(no Id)"}: {parsed.Error}");
                }
            }
            if (batch.Count > 0) fileStored += Stored(await store.UpsertAsync(batch, ct));
            await output.WriteLineAsync($"{file.Name}: {fileStored} stored, {fileRejected} rejected");
            stored += fileStored;
            rejected += fileRejected;
        }

        await output.WriteLineAsync($"Total: {stored} stored, {rejected} rejected, {unreadable} file(s) unreadable.");
        return rejected == 0 && unreadable == 0 ? 0 : 1;
    }

    // "Stored" counts every finding written or confirmed, so re-importing a file reports the same total.
    private static int Stored(UpsertResult result) => result.New + result.Updated + result.Unchanged;
}
