using Dashboard.Web.Sync;

namespace Dashboard.Web.Tests.Components;

/// <summary>A clock that stands still, so rendered durations and file names are predictable.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Records "Sync now" requests and answers as told.</summary>
public sealed class FakeSyncTrigger : ISyncTrigger
{
    public bool Accept { get; set; } = true;
    public List<string> Requests { get; } = [];

    public bool TryStart(string trigger)
    {
        Requests.Add(trigger);
        return Accept;
    }
}
