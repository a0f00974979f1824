using System.Globalization;

namespace Dashboard.Core.Iam.Risks;

/// <summary>Small wording helpers shared by the rules.</summary>
internal static class RiskText
{
    /// <summary>Explanations list at most this many evidence lines, then say how many more there are.</summary>
    public const int MaxExplanationLines = 40;

    public static string Date(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static int DaysBetween(DateTimeOffset earlier, DateTimeOffset now) => (int)Math.Floor((now - earlier).TotalDays);

    public static string Ago(DateTimeOffset then, DateTimeOffset now)
    {
        var days = DaysBetween(then, now);
        return days switch
        {
            <= 0 => $"{Date(then)} (today)",
            1 => $"{Date(then)} (1 day ago)",
            _ => $"{Date(then)} ({days} days ago)",
        };
    }

    public static string List(IReadOnlyCollection<string> items, int max = 8) =>
        items.Count <= max ? string.Join(", ", items) : $"{string.Join(", ", items.Take(max))} and {items.Count - max} more";

    public static IReadOnlyList<string> Capped(IEnumerable<string> lines)
    {
        var all = lines.ToList();
        return all.Count <= MaxExplanationLines ? all : [.. all.Take(MaxExplanationLines), $"… and {all.Count - MaxExplanationLines} more."];
    }

    public static string Plural(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
