namespace Dashboard.Aws.Tests.StandIn;

/// <summary>
/// The read-only reference folder: the first directory above the test binaries holding "shared/data"
/// (here /work/shared; in CI the repository is cloned elsewhere with shared/ beside it).
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> RootPath = new(Find);

    /// <summary>The "shared" directory.</summary>
    public static string Root => RootPath.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(System.IO.Path.Combine(dir.FullName, "shared", "data")))
            {
                return System.IO.Path.Combine(dir.FullName, "shared");
            }
        }

        throw new DirectoryNotFoundException($"No shared/data folder above {AppContext.BaseDirectory}: the reference data must sit beside the repository.");
    }
}
