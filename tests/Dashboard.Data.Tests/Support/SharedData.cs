namespace Dashboard.Data.Tests.Support;

/// <summary>
/// Finds ../shared/data: walks up from the test binaries to a folder holding shared/data (the
/// development layout, shared/ beside the repo) wherever the repo was cloned.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> LazyRoot = new(Find);

    /// <summary>The absolute path of shared/data.</summary>
    public static string Root => LazyRoot.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No shared/data folder above {AppContext.BaseDirectory}: clone the repo beside shared/.");
    }
}
