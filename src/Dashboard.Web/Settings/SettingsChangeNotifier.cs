namespace Dashboard.Web.Settings;

/// <summary>
/// Singleton that tells the scheduler and open Admin pages that a setting changed, so a new schedule
/// or a pause applies at once instead of after the wait in progress.
/// </summary>
public sealed class SettingsChangeNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Action> _subscribers = [];
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first change after it was read.</summary>
    public Task NextChange
    {
        get
        {
            lock (_gate) return _next.Task;
        }
    }

    public IDisposable Subscribe(Action onChange)
    {
        lock (_gate) _subscribers.Add(onChange);
        return new Subscription(this, onChange);
    }

    public void Publish()
    {
        TaskCompletionSource done;
        Action[] targets;
        lock (_gate)
        {
            done = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            targets = [.. _subscribers];
        }
        done.TrySetResult();
        foreach (var target in targets)
        {
            // A subscriber's failure (a closed circuit) must not stop the others or the change itself.
            try { target(); } catch { }
        }
    }

    private sealed class Subscription(SettingsChangeNotifier owner, Action handler) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._subscribers.Remove(handler);
        }
    }
}
