using System.Text.Json;

namespace Dashboard.Core.Tests.Iam.Inventory;

/// <summary>The real IAM reference files under shared/data/iam.</summary>
internal static class IamData
{
    public static string Root => Path.Combine(SharedData.Root, "data", "iam");

    public static string File(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relativePath) => System.IO.File.ReadAllText(File(relativePath));

    /// <summary>Every get-account-authorization-details dump (a JSON object with one of the four lists), relative to data/iam.</summary>
    public static IEnumerable<string> Dumps() =>
        Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories)
            .Where(IsDump)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>Every credential report: CSV files, and the Content of recorded GetCredentialReport responses.</summary>
    public static IEnumerable<string> CredentialReports() =>
        Directory.EnumerateFiles(Path.Combine(Root, "credential-report"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || (f.EndsWith(".json", StringComparison.Ordinal) && ContentOf(f) is not null))
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The CSV of a credential-report file: the file itself, or the Content of a (possibly placebo-wrapped) response.</summary>
    public static string? CsvOf(string relativePath) =>
        relativePath.EndsWith(".csv", StringComparison.Ordinal) ? Read(relativePath) : ContentOf(File(relativePath));

    private static string? ContentOf(string path)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        var root = document.RootElement;
        if (root.TryGetProperty("data", out var data))
        {
            root = data;
        }

        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Content", out var content) ? content.GetString() : null;
    }

    private static bool IsDump(string path)
    {
        if (path.Contains($"{Path.DirectorySeparatorChar}expected{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        {
            return false;
        }

        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        return document.RootElement.ValueKind == JsonValueKind.Object
            && new[] { "UserDetailList", "GroupDetailList", "RoleDetailList", "Policies" }.Any(n => document.RootElement.TryGetProperty(n, out _));
    }
}
