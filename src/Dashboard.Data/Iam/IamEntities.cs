namespace Dashboard.Data.Iam;

/// <summary>One account's last good IAM snapshot, as <see cref="Core.Iam.Inventory.Serialization.IamSnapshotJson"/> text.</summary>
public sealed class IamSnapshotEntity
{
    public required string AccountId { get; set; }
    public long? SyncRunId { get; set; }
    public long CollectedAtTicks { get; set; }
    /// <summary><see cref="Core.Iam.Inventory.IamSnapshotSource"/> by name.</summary>
    public required string Source { get; set; }
    /// <summary>The snapshot's warnings as a JSON array, so the overview need not load the snapshot.</summary>
    public required string WarningsJson { get; set; }
    public required string Json { get; set; }
}

/// <summary>A user, role, group or managed policy of a cached snapshot, for the lists.</summary>
public sealed class IamPrincipalEntity
{
    public required string AccountId { get; set; }
    public required string Arn { get; set; }
    public IamPrincipalKind Kind { get; set; }
    public required string Name { get; set; }
    public required string Path { get; set; }
    public long? CreateDateTicks { get; set; }
    public long? LastUsedTicks { get; set; }
    public int RiskCount { get; set; }
    /// <summary><see cref="Core.Findings.Severity"/> as its number (higher is worse).</summary>
    public int? HighestRiskSeverity { get; set; }
}

/// <summary>One cached <see cref="Core.Iam.Risks.RiskResult"/>.</summary>
public sealed class IamRiskEntity
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public required string RuleId { get; set; }
    public required string Title { get; set; }
    public int Severity { get; set; }
    public int Category { get; set; }
    public int Status { get; set; }
    public required string ResourceArn { get; set; }
    public required string ResourceName { get; set; }
    public int ResourceType { get; set; }
    public required string Message { get; set; }
    public required string Remediation { get; set; }
    /// <summary>A JSON array of strings.</summary>
    public required string ItemsJson { get; set; }
    /// <summary>The evidence lines joined by newlines; null when there is none.</summary>
    public string? Explanation { get; set; }
}
