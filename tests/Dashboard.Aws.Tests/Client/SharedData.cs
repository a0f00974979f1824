namespace Dashboard.Aws.Tests.Client;

/// <summary>
/// Finds the read-only reference folder "shared" by walking up from the test binaries: it sits beside the
/// repository (here and in CI, where the repo is cloned elsewhere with shared/ as its sibling).
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> RootPath = new(Find);

    /// <summary>The "shared" directory (it contains data/ and aws/).</summary>
    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "data"))) return candidate;
        }
        throw new DirectoryNotFoundException($"No shared/data folder above {AppContext.BaseDirectory}; the reference data must sit beside the repository.");
    }
}
