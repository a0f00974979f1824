using System.Globalization;
using Dashboard.Core.Sync;

namespace Dashboard.Web.Components.Shared;

/// <summary>How times, durations and sync statuses read on every page (UTC, invariant culture).</summary>
public static class DisplayText
{
    public static string Time(DateTimeOffset? at)
        => at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "n/a";

    public static string Duration(DateTimeOffset startedAt, DateTimeOffset? finishedAt, DateTimeOffset now)
    {
        var elapsed = (finishedAt ?? now) - startedAt;
        if (elapsed < TimeSpan.Zero) elapsed = TimeSpan.Zero;
        var text = elapsed.TotalHours >= 1
            ? $"{(int)elapsed.TotalHours}h {elapsed.Minutes}m"
            : elapsed.TotalMinutes >= 1
                ? $"{elapsed.Minutes}m {elapsed.Seconds}s"
                : $"{elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s";
        return finishedAt is null ? $"{text} (running)" : text;
    }

    public static string Status(SyncRunStatus status) => status switch
    {
        SyncRunStatus.Running => "Running",
        SyncRunStatus.Succeeded => "Succeeded",
        SyncRunStatus.PartiallySucceeded => "Partially succeeded",
        SyncRunStatus.Failed => "Failed",
        _ => status.ToString(),
    };

    public static MudBlazor.Color StatusColor(SyncRunStatus status) => status switch
    {
        SyncRunStatus.Succeeded => MudBlazor.Color.Success,
        SyncRunStatus.PartiallySucceeded => MudBlazor.Color.Warning,
        SyncRunStatus.Failed => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Info,
    };

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
