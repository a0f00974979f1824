namespace Dashboard.Core.Sync;

/// <summary>One account and Region that a sync visits.</summary>
public sealed record SyncTarget(string AccountId, string Region);

public enum SyncTargetStatus
{
    Succeeded,
    Failed,
    /// <summary>Not visited: an Admin excluded the account from syncing (the reason is in Error). Neither success nor failure.</summary>
    Skipped,
}

public enum SyncRunStatus
{
    Running,
    Succeeded,
    /// <summary>Some account-Regions failed; the others were stored.</summary>
    PartiallySucceeded,
    Failed,
}

/// <summary>What one account-Region of a sync run did. A failed target stored nothing.</summary>
public sealed record SyncTargetResult
{
    public required string AccountId { get; init; }
    /// <summary>The Region, or "global" for IAM and Organizations.</summary>
    public required string Region { get; init; }
    /// <summary>What was synced: see <see cref="SyncTargetKinds"/>.</summary>
    public string Kind { get; init; } = SyncTargetKinds.Findings;
    public required SyncTargetStatus Status { get; init; }
    /// <summary>True when this was a full refresh of ACTIVE findings rather than an UpdatedAt-incremental read.</summary>
    public bool FullRefresh { get; init; }
    public int New { get; init; }
    public int Updated { get; init; }
    public int Unchanged { get; init; }
    public int Rejected { get; init; }
    public int Retries { get; init; }
    public int Pages { get; init; }
    public string? Error { get; init; }
    /// <summary>The first few rejection reasons, for the sync page (all are logged).</summary>
    public IReadOnlyList<string> RejectionSamples { get; init; } = [];
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
}

public static class SyncTargetKinds
{
    public const string Findings = "findings";
    public const string Iam = "iam";
    public const string Organization = "organization";
    public const string GlobalRegion = "global";
}

/// <summary>A sync run with its per account-Region results.</summary>
public sealed record SyncRunSummary
{
    public required long Id { get; init; }
    /// <summary>"schedule", "manual", "startup", "cli".</summary>
    public required string Trigger { get; init; }
    public required SyncRunStatus Status { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? Error { get; init; }
    public IReadOnlyList<SyncTargetResult> Targets { get; init; } = [];
    public int New => Targets.Sum(t => t.New);
    public int Updated => Targets.Sum(t => t.Updated);
    public int Unchanged => Targets.Sum(t => t.Unchanged);
    public int Rejected => Targets.Sum(t => t.Rejected);
    public int Retries => Targets.Sum(t => t.Retries);
}

/// <summary>Where the incremental sync of one account-Region stands.</summary>
public sealed record SyncWatermark(
    string AccountId,
    string Region,
    DateTimeOffset? LastUpdatedAt,
    DateTimeOffset? LastFullRefreshAt);
