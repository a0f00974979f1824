namespace Dashboard.Data.Sync;

public sealed class SyncRunEntity
{
    public long Id { get; set; }
    public required string Trigger { get; set; }
    /// <summary><see cref="Core.Sync.SyncRunStatus"/> by name.</summary>
    public required string Status { get; set; }
    public long StartedAtTicks { get; set; }
    public long? FinishedAtTicks { get; set; }
    public string? Error { get; set; }
    public List<SyncRunTargetEntity> Targets { get; set; } = [];
}

/// <summary>What one account-Region of a run did.</summary>
public sealed class SyncRunTargetEntity
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public required string AccountId { get; set; }
    public required string Region { get; set; }
    /// <summary>What was synced: <see cref="Core.Sync.SyncTargetKinds"/> (findings, iam, organization).</summary>
    public string Kind { get; set; } = Core.Sync.SyncTargetKinds.Findings;
    /// <summary><see cref="Core.Sync.SyncTargetStatus"/> by name.</summary>
    public required string Status { get; set; }
    public bool FullRefresh { get; set; }
    public int New { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    public int Retries { get; set; }
    public int Pages { get; set; }
    public string? Error { get; set; }
    /// <summary>A JSON array of strings.</summary>
    public required string RejectionSamplesJson { get; set; }
    public long StartedAtTicks { get; set; }
    public long FinishedAtTicks { get; set; }
}

/// <summary>Where the incremental sync of one account-Region stands.</summary>
public sealed class SyncWatermarkEntity
{
    public required string AccountId { get; set; }
    public required string Region { get; set; }
    public long? LastUpdatedAtTicks { get; set; }
    public long? LastFullRefreshAtTicks { get; set; }
}
