namespace Dashboard.Benchmarks.Running;

/// <summary>
/// The reference data folder (shared/data): found by walking up from the binaries, which covers both this
/// checkout (/work/shared next to /work/main) and CI (shared/ as a sibling of the cloned repository).
/// </summary>
internal static class SharedData
{
    public static string Root => Find() ?? throw new InvalidOperationException(
        $"No shared/data folder found above {AppContext.BaseDirectory}; the IAM benchmark reads its policy templates from it.");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }

        return null;
    }
}
