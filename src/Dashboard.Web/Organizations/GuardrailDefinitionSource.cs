using Dashboard.Core.Organizations.Guardrails;

namespace Dashboard.Web.Organizations;

/// <summary>The guardrails to check, and why the organization's own file was not used (null when it was, or when none is set).</summary>
public sealed record GuardrailDefinitionSet(IReadOnlyList<GuardrailDefinition> Definitions, string? Error);

/// <summary>
/// The built-in guardrails merged with the organization's own from <see cref="GuardrailOptions.DefinitionsFile"/>
/// (GUARDRAILS.md). The file is read again only when its size or write time changes, and the same list
/// instance is returned while it does not, so the matrix cache can tell nothing changed. A file that cannot
/// be used leaves the built-in guardrails in force with the reason logged and returned.
/// </summary>
public sealed class GuardrailDefinitionSource(ILogger<GuardrailDefinitionSource> logger)
{
    private readonly Lock _lock = new();
    private (string Path, DateTime WrittenAt, long Length, GuardrailDefinitionSet Set)? _last;
    private (string Reason, GuardrailDefinitionSet Set)? _failed;

    public GuardrailDefinitionSet Load(GuardrailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DefinitionsFile)) return new GuardrailDefinitionSet(GuardrailCatalog.Default, null);

        var key = $"{GuardrailOptions.SectionName}:{nameof(GuardrailOptions.DefinitionsFile)}";
        string path;
        FileInfo file;
        try
        {
            path = Path.GetFullPath(options.DefinitionsFile);
            file = new FileInfo(path);
            if (!file.Exists) return Failed($"{key}: the file {path} does not exist");
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Failed($"{key}: '{options.DefinitionsFile}' is not a usable path ({ex.Message})");
        }

        lock (_lock)
        {
            if (_last is { } last && last.Path == path && last.WrittenAt == file.LastWriteTimeUtc && last.Length == file.Length) return last.Set;
        }

        GuardrailDefinitionSet set;
        try
        {
            var custom = GuardrailDefinitionReader.Read(File.ReadAllText(path), path);
            var replaced = custom.Count(c => GuardrailCatalog.Default.Any(d => d.Id == c.Id));
            set = new GuardrailDefinitionSet(GuardrailCatalog.Merge(GuardrailCatalog.Default, custom), null);
            logger.LogInformation(
                "Read {Count} guardrail definitions from {Path}: {Added} added to the built-in ones, {Replaced} replacing built-in ones",
                custom.Count, path, custom.Count - replaced, replaced);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            set = Failed($"{key}: {ex.Message}");
        }

        lock (_lock)
        {
            _last = (path, file.LastWriteTimeUtc, file.Length, set);
        }

        return set;
    }

    private GuardrailDefinitionSet Failed(string reason)
    {
        // Pages ask on every render: log a problem once, and hand out the same set so the matrix is not recomputed.
        lock (_lock)
        {
            if (_failed is { } failed && failed.Reason == reason) return failed.Set;
        }

        logger.LogError("Guardrail definitions not used, the built-in guardrails apply: {Reason}", reason);
        var set = new GuardrailDefinitionSet(GuardrailCatalog.Default, $"{reason}; only the built-in guardrails are checked.");
        lock (_lock)
        {
            _failed = (reason, set);
        }

        return set;
    }
}
