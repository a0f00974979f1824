namespace Dashboard.StandIn.Data;

/// <summary>How a template's finding Id is made unique per generated finding.</summary>
internal enum UniqueStyle : byte
{
    /// <summary>A UUID-shaped run (…/finding/a1b2c3d4-5678-…) replaced by a fresh UUID.</summary>
    Uuid,
    /// <summary>A hex run (GuardDuty, Inspector, custom products) replaced by as many hex digits.</summary>
    Hex,
}

/// <summary>
/// A real finding turned into a template: its JSON with tokens where each generated finding differs,
/// plus the attribute values that filters and sorting read, as patterns over the same tokens.
/// </summary>
internal sealed class FindingTemplate
{
    public required string Source { get; init; }

    /// <summary>Loaded from a user's file: served as it is except the fields the stand-in itself changes.</summary>
    public required bool Verbatim { get; init; }

    public required TextPattern Body { get; init; }

    public required TextPattern Id { get; init; }

    public required UniqueStyle UniqueStyle { get; init; }

    public required int UniqueLength { get; init; }

    /// <summary>The primary resource's name in the original, varied per finding; null when not varied.</summary>
    public required string? ResourceName { get; init; }

    public required bool ResourceNameIsAwsId { get; init; }

    /// <summary>"aws/securityhub", "aws/guardduty", "prowler/prowler", "custom/default", …</summary>
    public required string ProductGroup { get; init; }

    public required SeverityCode Severity { get; init; }

    public required bool HasCompliance { get; init; }

    public required ComplianceCode Compliance { get; init; }

    public required WorkflowCode Workflow { get; init; }

    public required RecordStateCode RecordState { get; init; }

    public required TextPattern AwsAccountId { get; init; }

    public required TextPattern Region { get; init; }

    public required TextPattern ProductArn { get; init; }

    public required TextPattern ProductName { get; init; }

    public required TextPattern CompanyName { get; init; }

    public required TextPattern GeneratorId { get; init; }

    public required TextPattern Title { get; init; }

    public required TextPattern? SecurityControlId { get; init; }

    public required TextPattern[] ResourceTypes { get; init; }

    public required TextPattern[] ResourceIds { get; init; }

    /// <summary>
    /// A loaded finding's own timestamp texts (CreatedAt, UpdatedAt, FirstObservedAt, LastObservedAt) and
    /// their values: served as written (microseconds, offsets) until the finding is touched.
    /// </summary>
    public (string? Text, long Value)[] OriginalTimestamps { get; init; } = [];

    /// <summary>Security Hub's own control findings: a PASSED one carries severity INFORMATIONAL.</summary>
    public bool IsSecurityHubControl => ProductGroup == "aws/securityhub" && HasCompliance;
}
