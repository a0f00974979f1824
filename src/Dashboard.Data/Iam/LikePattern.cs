namespace Dashboard.Data.Iam;

/// <summary>A LIKE pattern matching a literal substring: %, _ and the escape itself are escaped.</summary>
internal static class LikePattern
{
    public const string Escape = "\\";

    public static string Contains(string text)
        => "%" + text
            .Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
}
