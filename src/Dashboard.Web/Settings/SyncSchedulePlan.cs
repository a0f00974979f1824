using Dashboard.Data.Settings;

namespace Dashboard.Web.Settings;

public enum ScheduleSource
{
    /// <summary><c>Dashboard:SyncSchedule</c>: no Admin stored a schedule.</summary>
    Configuration,
    /// <summary>An Admin stored it on the Admin page.</summary>
    Stored,
}

/// <summary>
/// The schedule in force: its cron text ("" = off), where it comes from, and whether an Admin paused
/// scheduled syncs. Everything the scheduler decides is a function of this and the time.
/// </summary>
public sealed record SyncSchedulePlan(string Cron, ScheduleSource Source)
{
    /// <summary>Who stored the schedule and when (null when configuration decides).</summary>
    public StoredSetting? StoredBy { get; init; }
    /// <summary>Who paused or resumed last and when.</summary>
    public StoredSetting? Pause { get; init; }
    /// <summary>Set when a stored schedule could not be used and configuration applies instead.</summary>
    public string? Problem { get; init; }

    public bool IsPaused => Pause?.Value == "true";
    public bool IsOff => Cron.Length == 0;

    /// <summary>Why no scheduled sync runs; null when they do.</summary>
    public string? WhyNotRunning =>
        IsOff ? (Source == ScheduleSource.Stored ? "an Admin turned the schedule off" : "Dashboard:SyncSchedule is empty")
        : IsPaused ? $"scheduled syncs are paused ({Pause!.ChangedBy}, {Pause.ChangedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC)"
        : null;

    /// <summary>The next scheduled run strictly after <paramref name="now"/>; null when off or paused.</summary>
    public DateTimeOffset? NextRunAfter(DateTimeOffset now)
        => WhyNotRunning is null && SyncScheduleRules.NextOccurrences(Cron, now, 1) is [var next] ? next : null;

    /// <summary>The next runs the schedule would make, paused or not (the Admin page shows them).</summary>
    public IReadOnlyList<DateTimeOffset> Upcoming(DateTimeOffset now, int count)
        => IsOff ? [] : SyncScheduleRules.NextOccurrences(Cron, now, count);

    /// <summary>True when <paramref name="due"/> is an occurrence of this schedule and it is neither off nor paused.</summary>
    public bool RunsAt(DateTimeOffset due) => NextRunAfter(due.AddTicks(-1)) == due;

    /// <summary>One line for the log.</summary>
    public string Describe()
        => (IsOff ? "off" : $"\"{Cron}\" (UTC)") + $" from {(Source == ScheduleSource.Stored ? "an Admin setting" : "Dashboard:SyncSchedule")}"
           + (IsPaused && !IsOff ? ", paused" : "");
}
