using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Findings;

namespace Dashboard.Core.Tests.Findings;

/// <summary>The fallbacks real providers need: legacy severity, workflow, control ids, names and Regions.</summary>
public sealed class ParserToleranceTests
{
    private static JsonObject Finding(Action<JsonObject>? change = null)
    {
        var finding = new JsonObject
        {
            ["SchemaVersion"] = "2018-10-08",
            ["Id"] = "finding-1",
            ["ProductArn"] = "arn:aws:securityhub:eu-west-3:444455556666:product/444455556666/default",
            ["GeneratorId"] = "custom-check",
            ["AwsAccountId"] = "444455556666",
            ["Types"] = new JsonArray(),
            ["CreatedAt"] = "2024-01-31T23:00:00Z",
            ["UpdatedAt"] = "2024-01-31T23:00:00Z",
            ["Severity"] = new JsonObject { ["Label"] = "LOW" },
            ["Title"] = "A custom check",
            ["Description"] = "Something to look at.",
            ["Resources"] = new JsonArray(new JsonObject { ["Type"] = "Other", ["Id"] = "thing-1", ["Region"] = "ap-south-1" }),
        };
        change?.Invoke(finding);
        return finding;
    }

    private static FindingRecord Parse(JsonObject finding)
    {
        using var document = JsonDocument.Parse(finding.ToJsonString());
        var result = AsffFindingParser.Parse(document.RootElement);
        Assert.True(result.IsSuccess, result.Error);
        return result.Record;
    }

    [Theory]
    [InlineData(0, Severity.Informational)]
    [InlineData(1, Severity.Low)]
    [InlineData(39, Severity.Low)]
    [InlineData(40, Severity.Medium)]
    [InlineData(69, Severity.Medium)]
    [InlineData(70, Severity.High)]
    [InlineData(89, Severity.High)]
    [InlineData(90, Severity.Critical)]
    [InlineData(100, Severity.Critical)]
    public void Parse_NormalizedOnly_DerivesTheLabelByTheDocumentedRanges(int normalized, Severity expected)
    {
        // Arrange
        var finding = Finding(f => f["Severity"] = new JsonObject { ["Normalized"] = normalized });

        // Act
        var record = Parse(finding);

        // Assert
        Assert.Equal((expected, normalized), (record.Severity, record.SeverityNormalized));
    }

    [Fact]
    public void Parse_LabelAndDisagreeingNormalized_KeepsBothAsSent()
    {
        // Arrange: real 2019 findings say INFORMATIONAL with Normalized 10; the label wins for the
        // severity, the score stays what the provider sent.
        var finding = Finding(f => f["Severity"] = new JsonObject { ["Label"] = "informational", ["Normalized"] = 10 });

        // Act
        var record = Parse(finding);

        // Assert
        Assert.Equal((Severity.Informational, 10), (record.Severity, record.SeverityNormalized));
    }

    [Fact]
    public void Parse_LegacyProductScoreOnly_IsReadAsTheNormalizedScore()
    {
        // Arrange
        var finding = Finding(f => f["Severity"] = new JsonObject { ["Product"] = 72.4 });

        // Act
        var record = Parse(finding);

        // Assert
        Assert.Equal((Severity.High, 72), (record.Severity, record.SeverityNormalized));
    }

    [Fact]
    public void Parse_SeverityLabelOnlyInProductFields_UsesIt()
    {
        // Arrange
        var finding = Finding(f =>
        {
            f["Severity"] = new JsonObject { ["Product"] = 5 };
            f["ProductFields"] = new JsonObject { ["aws/securityhub/SeverityLabel"] = "CRITICAL" };
        });

        // Act
        var record = Parse(finding);

        // Assert
        Assert.Equal((Severity.Critical, 90), (record.Severity, record.SeverityNormalized));
    }

    [Theory]
    [InlineData("NEW", "NEW")]
    [InlineData("ASSIGNED", "NOTIFIED")]
    [InlineData("IN_PROGRESS", "NOTIFIED")]
    [InlineData("RESOLVED", "RESOLVED")]
    [InlineData("DEFERRED", "SUPPRESSED")]
    [InlineData("SOMETHING_ELSE", "NEW")]
    [InlineData(null, "NEW")]
    public void Parse_LegacyWorkflowStateOnly_IsMappedToWorkflowStatus(string? workflowState, string expected)
    {
        // Arrange
        var finding = Finding(f => f["WorkflowState"] = workflowState);

        // Act
        var record = Parse(finding);

        // Assert
        Assert.Equal(expected, record.WorkflowStatus);
    }

    [Fact]
    public void Parse_WorkflowStatusAndLegacyState_WorkflowStatusWins()
    {
        // Arrange
        var finding = Finding(f =>
        {
            f["WorkflowState"] = "NEW";
            f["Workflow"] = new JsonObject { ["Status"] = "suppressed" };
            f["RecordState"] = "archived";
            f["Compliance"] = new JsonObject { ["Status"] = "not_available" };
        });

        // Act
        var record = Parse(finding);

        // Assert: statuses are stored upper-case whatever case the provider used.
        Assert.Equal(("SUPPRESSED", "ARCHIVED", "NOT_AVAILABLE"), (record.WorkflowStatus, record.RecordState, record.ComplianceStatus));
    }

    [Fact]
    public void Parse_Names_PreferTopLevelThenProductFieldsThenArn()
    {
        // Arrange
        var topLevel = Finding(f =>
        {
            f["ProductName"] = "Top";
            f["CompanyName"] = "TopCo";
            f["ProductFields"] = new JsonObject { ["aws/securityhub/ProductName"] = "Field", ["aws/securityhub/CompanyName"] = "FieldCo" };
        });
        var productFields = Finding(f =>
            f["ProductFields"] = new JsonObject { ["aws/securityhub/ProductName"] = "Field", ["aws/securityhub/CompanyName"] = "FieldCo" });
        var arnOnly = Finding();

        // Act
        var records = new[] { Parse(topLevel), Parse(productFields), Parse(arnOnly) };

        // Assert
        Assert.Equal(
            [("Top", "TopCo"), ("Field", "FieldCo"), ("default", "444455556666")],
            records.Select(r => (r.ProductName, r.CompanyName)));
    }

    [Fact]
    public void Parse_Region_PrefersTopLevelThenProductArnThenResource()
    {
        // Arrange
        var topLevel = Finding(f => f["Region"] = "us-west-2");
        var fromArn = Finding();
        var fromResource = Finding(f => f["ProductArn"] = "arn:aws:securityhub:::product/acme/scanner");

        // Act
        var regions = new[] { Parse(topLevel), Parse(fromArn), Parse(fromResource) }.Select(r => r.Region);

        // Assert
        Assert.Equal(["us-west-2", "eu-west-3", "ap-south-1"], regions);
    }

    [Fact]
    public void Parse_NoRegionAnywhere_IsRejected()
    {
        // Arrange
        var finding = Finding(f =>
        {
            f["ProductArn"] = "arn:aws:securityhub:::product/acme/scanner";
            f["Resources"] = new JsonArray(new JsonObject { ["Type"] = "Other", ["Id"] = "thing-1" });
        });
        using var document = JsonDocument.Parse(finding.ToJsonString());

        // Act
        var result = AsffFindingParser.Parse(document.RootElement);

        // Assert
        Assert.Equal(
            "cannot tell the finding's Region: no 'Region', and neither ProductArn 'arn:aws:securityhub:::product/acme/scanner' nor 'Resources[0].Region' has one",
            result.Error);
    }

    [Theory]
    [InlineData("{\"SecurityControlId\":\"S3.1\"}", "{\"ControlId\":\"PCI.S3.1\",\"RuleId\":\"2.1\"}", "S3.1")]
    [InlineData(null, "{\"ControlId\":\"PCI.S3.1\",\"StandardsControlArn\":\"arn:aws:securityhub:us-east-1:1:control/cis/v/1.2.0/2.1\"}", "PCI.S3.1")]
    [InlineData(null, "{\"StandardsControlArn\":\"arn:aws:securityhub:us-east-1:1:control/cis-aws-foundations-benchmark/v/1.2.0/2.1\",\"RuleId\":\"x\"}", "2.1")]
    [InlineData(null, "{\"RuleId\":\"2.2\"}", "2.2")]
    [InlineData("{\"SecurityControlId\":\"  \"}", "{\"RuleId\":\"2.2\",\"ControlId\":7}", "2.2")]
    [InlineData(null, null, null)]
    public void Parse_ControlId_FollowsConsolidatedThenLegacyOrder(string? compliance, string? productFields, string? expected)
    {
        // Arrange
        var finding = Finding(f =>
        {
            f["Compliance"] = compliance is null ? null : JsonNode.Parse(compliance);
            f["ProductFields"] = productFields is null ? null : JsonNode.Parse(productFields);
        });

        // Act
        var record = Parse(finding);

        // Assert
        Assert.Equal(expected, record.ControlId);
    }

    [Fact]
    public void Parse_NullOptionalFields_AreTreatedAsAbsent()
    {
        // Arrange
        var finding = Finding(f =>
        {
            foreach (var name in new[] { "Region", "ProductName", "CompanyName", "Compliance", "Workflow", "RecordState", "FirstObservedAt", "LastObservedAt", "ProductFields" })
            {
                f[name] = null;
            }
        });

        // Act
        var record = Parse(finding);

        // Assert
        Assert.Equal(("eu-west-3", "NEW", "ACTIVE"), (record.Region, record.WorkflowStatus, record.RecordState));
        Assert.Null(record.FirstObservedAt);
    }

    [Fact]
    public void Parse_TimestampsWithLargeOffsetAndNanoseconds_AreReadAsUtc()
    {
        // Arrange: both forms appear in the ASFF timestamp rules; .NET alone rejects +17:59.
        var finding = Finding(f =>
        {
            f["CreatedAt"] = "2024-01-04T15:25:10.123456789+17:59";
            f["UpdatedAt"] = "2024-01-04T15:25:10-1759";
        });

        // Act
        var record = Parse(finding);

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 21, 26, 10, TimeSpan.Zero).AddTicks(1234567), record.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 1, 5, 9, 24, 10, TimeSpan.Zero), record.UpdatedAt);
        Assert.Equal(TimeSpan.Zero, record.CreatedAt.Offset);
    }
}
