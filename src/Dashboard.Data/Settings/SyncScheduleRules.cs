using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace Dashboard.Data.Settings;

/// <summary>
/// What a stored sync schedule may be: a 5-field cron expression (Cronos, UTC) that runs at all and
/// not more often than every <see cref="MinimumInterval"/>, or empty for "off". Shared by the Admin
/// page (live feedback), the settings service and the store (which refuses anything else).
/// </summary>
public static class SyncScheduleRules
{
    public const int MaxLength = 100;

    /// <summary>
    /// Each run reads every account-Region; closer runs only queue behind each other ("Sync now" ignores a
    /// request while one runs) and spend the accounts' Security Hub API rate for nothing.
    /// </summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(5);

    /// <summary>Enough to meet every pattern of a minute/hour/weekday schedule within its first year.</summary>
    private const int OccurrencesChecked = 1000;

    public const string Format = "5 fields, UTC: minute hour day-of-month month day-of-week, e.g. \"0 */6 * * *\"";

    /// <summary>Trimmed, runs of whitespace (newlines too) collapsed to one space; null becomes "".</summary>
    public static string Normalize(string? text)
        => text is null ? "" : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Null when <paramref name="text"/> is a usable schedule or empty (off); otherwise the problem, as a sentence.</summary>
    public static string? Validate(string? text, DateTimeOffset now)
    {
        var cron = Normalize(text);
        if (cron.Length == 0) return null;
        if (cron.Length > MaxLength) return $"The schedule is {cron.Length} characters long; at most {MaxLength} are allowed.";
        if (!TryParse(cron, out var expression, out var error)) return error;

        // Cronos answers null only for dates that never exist (30 February); a leap day is years ahead but fine.
        if (expression.GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc) is null)
            return $"\"{cron}\" never runs; to stop scheduled syncs, turn the schedule off or pause it.";

        DateTime? previous = null;
        var checkedCount = 0;
        foreach (var next in expression.GetOccurrences(now.UtcDateTime, now.UtcDateTime.AddYears(1), TimeZoneInfo.Utc))
        {
            if (previous is { } p && next - p < MinimumInterval)
                return $"\"{cron}\" runs more often than every {MinimumInterval.TotalMinutes:0} minutes (e.g. at {p:HH:mm} and {next:HH:mm} UTC); a sync reads every account-Region, so choose a longer interval.";
            previous = next;
            if (++checkedCount >= OccurrencesChecked) break;
        }
        return null;
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out CronExpression? expression, [NotNullWhen(false)] out string? error)
    {
        var cron = Normalize(text);
        expression = null;
        error = null;
        if (cron.Length == 0)
        {
            error = "The schedule is empty.";
            return false;
        }
        try
        {
            expression = CronExpression.Parse(cron, CronFormat.Standard);
            return true;
        }
        catch (CronFormatException ex)
        {
            error = $"\"{cron}\" is not a cron expression ({Format}): {ex.Message}";
            return false;
        }
    }

    /// <summary>The next <paramref name="count"/> runs after <paramref name="after"/>; empty for an empty or invalid schedule.</summary>
    public static IReadOnlyList<DateTimeOffset> NextOccurrences(string? text, DateTimeOffset after, int count)
    {
        if (count <= 0 || !TryParse(text, out var expression, out _)) return [];
        var result = new List<DateTimeOffset>(count);
        var from = after.UtcDateTime;
        while (result.Count < count && expression.GetNextOccurrence(from, TimeZoneInfo.Utc) is { } next)
        {
            result.Add(new DateTimeOffset(next, TimeSpan.Zero));
            from = next;
        }
        return result;
    }
}
