using Dashboard.Core.Findings;

namespace Dashboard.Data.Tests.Support;

/// <summary>Builds findings for tests: sensible defaults, override with <c>with</c>.</summary>
public static class TestFindings
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static FindingRecord Make(string id, string? rawExtra = null) => new()
    {
        Id = id,
        ProductArn = "arn:aws:securityhub:us-east-1::product/aws/securityhub",
        AwsAccountId = "111111111111",
        Region = "us-east-1",
        ProductName = "Security Hub",
        CompanyName = "AWS",
        GeneratorId = "security-control/S3.1",
        ControlId = "S3.1",
        Title = $"Title of {id}",
        Severity = Severity.Medium,
        SeverityNormalized = 40,
        ComplianceStatus = "FAILED",
        WorkflowStatus = "NEW",
        RecordState = "ACTIVE",
        ResourceType = "AwsS3Bucket",
        ResourceId = $"arn:aws:s3:::bucket-{id}",
        FirstObservedAt = T0.AddDays(-3),
        LastObservedAt = T0.AddDays(-1),
        CreatedAt = T0.AddDays(-3),
        UpdatedAt = T0,
        RawJson = $$"""{"Id":"{{id}}","Extra":"{{rawExtra}}"}""",
    };

    /// <summary>The same finding as received again with a new UpdatedAt (and so a new raw JSON).</summary>
    public static FindingRecord Touched(FindingRecord f, TimeSpan by)
        => f with { UpdatedAt = f.UpdatedAt + by, RawJson = f.RawJson.TrimEnd('}') + $$""","Touched":"{{by}}"}""" };
}
