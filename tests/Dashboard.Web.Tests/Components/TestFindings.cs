using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Findings;

namespace Dashboard.Web.Tests.Components;

/// <summary>Builds FindingRecords whose columns and ASFF JSON agree, as the sync would store them.</summary>
internal static class TestFindings
{
    public static readonly DateTimeOffset CreatedAt = new(2024, 5, 1, 8, 0, 0, TimeSpan.Zero);

    public static FindingRecord Record(
        string id,
        string title,
        Severity severity = Severity.High,
        string account = "111111111111",
        string region = "us-east-1",
        string product = "Security Hub",
        string? controlId = "S3.1",
        string? compliance = "FAILED",
        string workflow = "NEW",
        string recordState = "ACTIVE",
        string resourceType = "AwsS3Bucket",
        string resourceId = "arn:aws:s3:::example-bucket",
        string? description = "A test finding.",
        Action<JsonObject>? customize = null)
    {
        var productArn = $"arn:aws:securityhub:{region}::product/aws/securityhub";
        var json = new JsonObject
        {
            ["SchemaVersion"] = "2018-10-08",
            ["Id"] = id,
            ["ProductArn"] = productArn,
            ["ProductName"] = product,
            ["CompanyName"] = "AWS",
            ["Region"] = region,
            ["GeneratorId"] = $"security-control/{controlId ?? "none"}",
            ["AwsAccountId"] = account,
            ["Types"] = new JsonArray("Software and Configuration Checks/Industry and Regulatory Standards"),
            ["FirstObservedAt"] = "2024-05-01T08:00:00.000Z",
            ["LastObservedAt"] = "2024-05-02T08:00:00.000Z",
            ["CreatedAt"] = "2024-05-01T08:00:00.000Z",
            ["UpdatedAt"] = "2024-05-02T08:00:00.000Z",
            ["Severity"] = new JsonObject { ["Label"] = severity.ToString().ToUpperInvariant(), ["Normalized"] = Normalized(severity) },
            ["Title"] = title,
            ["Description"] = description,
            ["Remediation"] = new JsonObject
            {
                ["Recommendation"] = new JsonObject
                {
                    ["Text"] = "For directions on how to fix this issue, consult the documentation.",
                    ["Url"] = $"https://docs.aws.amazon.com/console/securityhub/{controlId}/remediation",
                },
            },
            ["ProductFields"] = new JsonObject { ["aws/securityhub/ProductName"] = product, ["RelatedAWSResources:0/type"] = "AWS::Config::ConfigRule" },
            ["Resources"] = new JsonArray(new JsonObject
            {
                ["Type"] = resourceType,
                ["Id"] = resourceId,
                ["Partition"] = "aws",
                ["Region"] = region,
                ["Tags"] = new JsonObject { ["team"] = "platform" },
                ["Details"] = new JsonObject { ["AwsS3Bucket"] = new JsonObject { ["OwnerId"] = "abc123" } },
            }),
            ["Workflow"] = new JsonObject { ["Status"] = workflow },
            ["RecordState"] = recordState,
        };
        if (compliance is not null)
        {
            json["Compliance"] = new JsonObject
            {
                ["Status"] = compliance,
                ["SecurityControlId"] = controlId,
                ["AssociatedStandards"] = new JsonArray(new JsonObject { ["StandardsId"] = "standards/aws-foundational-security-best-practices/v/1.0.0" }),
                ["RelatedRequirements"] = new JsonArray("NIST.800-53.r5 AC-3"),
                ["StatusReasons"] = new JsonArray(new JsonObject { ["ReasonCode"] = "CONFIG_EVALUATIONS_EMPTY", ["Description"] = "No evaluation results." }),
            };
        }
        customize?.Invoke(json);

        return new FindingRecord
        {
            Id = id,
            ProductArn = productArn,
            AwsAccountId = account,
            Region = region,
            ProductName = product,
            CompanyName = "AWS",
            GeneratorId = $"security-control/{controlId ?? "none"}",
            ControlId = controlId,
            Title = title,
            Severity = severity,
            SeverityNormalized = Normalized(severity),
            ComplianceStatus = compliance,
            WorkflowStatus = workflow,
            RecordState = recordState,
            ResourceType = resourceType,
            ResourceId = resourceId,
            FirstObservedAt = CreatedAt,
            LastObservedAt = CreatedAt.AddDays(1),
            CreatedAt = CreatedAt,
            UpdatedAt = CreatedAt.AddDays(1),
            RawJson = json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }),
        };
    }

    public static string ProductArn(string region = "us-east-1") => $"arn:aws:securityhub:{region}::product/aws/securityhub";

    private static int Normalized(Severity severity) => severity switch
    {
        Severity.Critical => 90,
        Severity.High => 70,
        Severity.Medium => 40,
        Severity.Low => 1,
        _ => 0,
    };
}
