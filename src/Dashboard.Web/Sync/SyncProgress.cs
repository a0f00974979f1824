namespace Dashboard.Web.Sync;

/// <summary>A snapshot of the sync in progress, pushed to the UI by <see cref="SyncProgressNotifier"/>.</summary>
public sealed record SyncProgress(
    bool IsRunning,
    long? RunId,
    string? Trigger,
    int TargetsTotal,
    int TargetsDone,
    int TargetsFailed,
    int FindingsStored,
    string? CurrentTarget,
    DateTimeOffset? StartedAt)
{
    public static SyncProgress Idle { get; } = new(false, null, null, 0, 0, 0, 0, null, null);

    /// <summary>0–100 for a progress bar.</summary>
    public double Percent => TargetsTotal == 0 ? 0 : 100.0 * TargetsDone / TargetsTotal;
}
