namespace Dashboard.Core.Tests;

/// <summary>
/// Finds the read-only reference data (<c>shared/</c>). Locally it sits beside the repo
/// (<c>/work/shared</c> next to <c>/work/main</c>); CI clones the repo elsewhere with <c>shared/</c> as
/// its sibling too, so walk up from the test binaries until a folder holds <c>shared/data</c>.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The <c>shared</c> folder.</summary>
    public static string Root => LazyRoot.Value;

    public static string Asff => Path.Combine(Root, "data", "asff");

    public static string AsffFile(string relativePath) => Path.Combine(Asff, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "data")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"no folder above {AppContext.BaseDirectory} contains shared/data; the reference data must sit beside the repository");
    }
}
