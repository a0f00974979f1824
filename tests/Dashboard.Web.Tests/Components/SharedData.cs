namespace Dashboard.Web.Tests.Components;

/// <summary>
/// Finds the read-only reference data: <c>shared/</c> sits beside the repository, locally and in CI
/// (which clones the repo elsewhere with <c>shared/</c> as its sibling), so walk up from the test binaries.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The <c>shared</c> folder.</summary>
    public static string Root => LazyRoot.Value;

    public static string Asff => Path.Combine(Root, "data", "asff");

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
