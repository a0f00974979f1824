using Dashboard.Core.Findings;
using Dashboard.Data.Database;

namespace Dashboard.Data.Findings;

/// <summary>
/// Findings as a sync read them, each with the time the request of its page started. The store needs
/// that time to tell a read that may predate a dashboard workflow change from one that cannot
/// (<see cref="FindingWorkflowGuard"/>).
/// </summary>
public sealed class FetchedFindings
{
    private readonly List<FindingRecord> _findings = [];
    // One entry per finding: 8 bytes against a finding's kilobytes of JSON, and O(1) to look up.
    private readonly List<long> _fetchedAtTicks = [];

    public IReadOnlyList<FindingRecord> Findings => _findings;

    public int Count => _findings.Count;

    /// <summary>The earliest fetch time, in UTC ticks; null when there are no findings.</summary>
    internal long? EarliestTicks { get; private set; }

    /// <summary><paramref name="fetchedAt"/>: when the request of the page that carried the finding started (earlier is safe, later is not).</summary>
    public void Add(FindingRecord finding, DateTimeOffset fetchedAt)
    {
        var ticks = Instants.ToTicks(fetchedAt);
        _findings.Add(finding);
        _fetchedAtTicks.Add(ticks);
        if (EarliestTicks is null || ticks < EarliestTicks) EarliestTicks = ticks;
    }

    /// <summary>Findings all read by one request started at <paramref name="fetchedAt"/>.</summary>
    public static FetchedFindings At(DateTimeOffset fetchedAt, IEnumerable<FindingRecord> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var fetched = new FetchedFindings();
        foreach (var f in findings) fetched.Add(f, fetchedAt);
        return fetched;
    }

    internal long FetchedAtTicks(int index) => _fetchedAtTicks[index];
}
