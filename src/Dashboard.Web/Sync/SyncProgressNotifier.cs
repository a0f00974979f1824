namespace Dashboard.Web.Sync;

/// <summary>
/// Singleton that carries sync progress from the background sync to open pages. Components subscribe,
/// re-render with InvokeAsync(StateHasChanged), and dispose the subscription.
/// </summary>
public sealed class SyncProgressNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Action<SyncProgress>> _subscribers = [];

    public SyncProgress Current { get; private set; } = SyncProgress.Idle;

    public IDisposable Subscribe(Action<SyncProgress> onChange)
    {
        lock (_gate) _subscribers.Add(onChange);
        return new Subscription(this, onChange);
    }

    public void Publish(SyncProgress progress)
    {
        Action<SyncProgress>[] targets;
        lock (_gate)
        {
            Current = progress;
            targets = [.. _subscribers];
        }
        foreach (var target in targets)
        {
            // A subscriber's failure (a closed circuit) must not stop the sync or the other pages.
            try { target(progress); } catch { }
        }
    }

    private sealed class Subscription(SyncProgressNotifier owner, Action<SyncProgress> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._subscribers.Remove(handler);
        }
    }
}
