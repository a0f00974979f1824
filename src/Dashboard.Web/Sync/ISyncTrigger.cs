namespace Dashboard.Web.Sync;

/// <summary>Starts a sync in the background ("Sync now", the schedule, demo start-up).</summary>
public interface ISyncTrigger
{
    /// <summary>Queues a sync run; returns false when one is already running (the request is then ignored).</summary>
    bool TryStart(string trigger);
}
