using Dashboard.Core.Findings;

namespace Dashboard.Core.Tests.Findings;

/// <summary>
/// Mapped columns compared with values read by hand from the files in shared/data/asff, one test per
/// kind of provider and per control-finding shape.
/// </summary>
public sealed class HandVerifiedMappingTests
{
    [Fact]
    public void Parse_ConsolidatedControlFinding_TakesSecurityControlIdOverTheLegacyPciId()
    {
        // Arrange: a PCI DSS finding that carries both Compliance.SecurityControlId (CloudTrail.2)
        // and the legacy per-standard ProductFields.ControlId (PCI.CloudTrail.1).
        const string file = "awsdocs-securityhub/sample-control-finding-05.json";

        // Act
        var record = AsffTestFiles.ParseSingle(file);

        // Assert
        AssertRecord(new FindingRecord
        {
            Id = "arn:aws:securityhub:us-east-2:123456789012:subscription/pci-dss/v/3.2.1/PCI.CloudTrail.1/finding/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            ProductArn = "arn:aws:securityhub:us-east-2::product/aws/securityhub",
            AwsAccountId = "123456789012",
            Region = "us-east-2",
            ProductName = "Security Hub",
            CompanyName = "AWS",
            GeneratorId = "pci-dss/v/3.2.1/PCI.CloudTrail.1",
            ControlId = "CloudTrail.2",
            Title = "PCI.CloudTrail.1 CloudTrail logs should be encrypted at rest using AWS KMS CMKs",
            Severity = Severity.Medium,
            SeverityNormalized = 40,
            ComplianceStatus = "FAILED",
            WorkflowStatus = "NEW",
            RecordState = "ACTIVE",
            ResourceType = "AwsCloudTrailTrail",
            ResourceId = "arn:aws:cloudtrail:us-east-2:123456789012:trail/AWSMacieTrail-DO-NOT-EDIT",
            FirstObservedAt = Utc("2020-08-06T02:18:23.089"),
            LastObservedAt = Utc("2021-09-28T16:10:06.942"),
            CreatedAt = Utc("2020-08-06T02:18:23.089"),
            UpdatedAt = Utc("2021-09-28T16:10:00.090"),
            RawJson = "",
        }, record);
    }

    [Fact]
    public void Parse_LegacyAfsbpControlFinding_TakesProductFieldsControlIdAndRegionFromProductArn()
    {
        // Arrange: pre-2023 shape, no Compliance.SecurityControlId, no top-level Region/ProductName.
        const string file = "asr/simdata/afsbp-ec2.1.json";

        // Act
        var record = AsffTestFiles.ParseSingle(file);

        // Assert
        AssertRecord(new FindingRecord
        {
            Id = "arn:aws:securityhub:us-east-1:111111111111:subscription/aws-foundational-security-best-practices/v/1.0.0/EC2.1/finding/863e6dda-dd2e-4fd3-89a5-973d430599f4",
            ProductArn = "arn:aws:securityhub:us-east-1::product/aws/securityhub",
            AwsAccountId = "111111111111",
            Region = "us-east-1",
            ProductName = "Security Hub",
            CompanyName = "AWS",
            GeneratorId = "aws-foundational-security-best-practices/v/1.0.0/EC2.1",
            ControlId = "EC2.1",
            Title = "EC2.1 EBS snapshots should not be public, determined by the ability to be restorable by anyone",
            Severity = Severity.Critical,
            SeverityNormalized = 90,
            ComplianceStatus = "FAILED",
            WorkflowStatus = "NEW",
            RecordState = "ACTIVE",
            ResourceType = "AwsAccount",
            ResourceId = "AWS::::Account:111111111111",
            FirstObservedAt = Utc("2021-02-17T12:55:31.491"),
            LastObservedAt = Utc("2021-02-17T12:55:32.401"),
            CreatedAt = Utc("2021-02-17T12:55:31.491"),
            UpdatedAt = Utc("2021-02-17T12:55:31.491"),
            RawJson = "",
        }, record);
    }

    [Fact]
    public void Parse_LegacyCisControlFinding_TakesTheControlIdFromStandardsControlArn()
    {
        // Arrange: CIS 1.2.0 findings have RuleId and StandardsControlArn but no ControlId.
        const string file = "asr/simdata/cis-17.json";

        // Act
        var record = AsffTestFiles.ParseSingle(file);

        // Assert
        Assert.Equal("1.7", record.ControlId);
        Assert.Equal("arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/1.7", record.GeneratorId);
        Assert.Equal("1.7 Ensure IAM password policy requires at least one symbol", record.Title);
        Assert.Equal((Severity.Medium, 40), (record.Severity, record.SeverityNormalized));
        Assert.Equal(("AwsAccount", "AWS::::Account:111111111111"), (record.ResourceType, record.ResourceId));
        Assert.Equal(("FAILED", "NEW", "ACTIVE"), (record.ComplianceStatus, record.WorkflowStatus, record.RecordState));
        Assert.Equal(Utc("2022-04-19T10:20:59.732"), record.UpdatedAt);
    }

    [Fact]
    public void Parse_GuardDutyFinding_ReadsTheRegionDespiteTheMalformedProductArn()
    {
        // Arrange: GuardDuty's ARN here is "arn:aws::securityhub:us-east-1::…" (one colon too many),
        // and its product name only appears in ProductFields.
        const string file = "awsdocs-guardduty/guardduty-securityhub-typical-finding-01.json";

        // Act
        var record = AsffTestFiles.ParseSingle(file);

        // Assert
        AssertRecord(new FindingRecord
        {
            Id = "arn:aws::guardduty:us-east-1:193043430472:detector/d4b040365221be2b54a6264dc9a4bc64/finding/46ba0ac2845071e23ccdeb2ae03bfdea",
            ProductArn = "arn:aws::securityhub:us-east-1::product/aws/guardduty",
            AwsAccountId = "193043430472",
            Region = "us-east-1",
            ProductName = "GuardDuty",
            CompanyName = "Amazon",
            GeneratorId = "arn:aws::guardduty:us-east-1:193043430472:detector/d4b040365221be2b54a6264dc9a4bc64",
            ControlId = null,
            Title = "199.241.229.197 is performing SSH brute force attacks against i-0c10c2c7863d1a356.",
            Severity = Severity.Medium,
            SeverityNormalized = 40,
            ComplianceStatus = null,
            WorkflowStatus = "NEW",
            RecordState = "ACTIVE",
            ResourceType = "AwsEc2Instance",
            ResourceId = "arn:aws::ec2:us-east-1:193043430472:instance/i-0c10c2c7863d1a356",
            FirstObservedAt = Utc("2020-08-22T09:15:57"),
            LastObservedAt = Utc("2020-09-30T11:56:49"),
            CreatedAt = Utc("2020-08-22T09:34:34.146"),
            UpdatedAt = Utc("2020-09-30T12:14:00.206"),
            RawJson = "",
        }, record);
    }

    [Fact]
    public void Parse_InspectorFinding_MapsProductAndResourceWithoutObservationTimes()
    {
        // Arrange
        const string file = "awsdocs-inspector/inspector-classic-securityhub-typical-finding-01.json";

        // Act
        var record = AsffTestFiles.ParseSingle(file);

        // Assert
        AssertRecord(new FindingRecord
        {
            Id = "inspector/us-east-1/111122223333/629ff13fbbb44c872f7bba3e7f79f60cb6d443d8",
            ProductArn = "arn:aws:securityhub:us-east-1::product/aws/inspector",
            AwsAccountId = "111122223333",
            Region = "us-east-1",
            ProductName = "Inspector",
            CompanyName = "Amazon",
            GeneratorId = "arn:aws:inspector:us-east-1:316112463485:rulespackage/0-PmNV0Tcd",
            ControlId = null,
            Title = "On instance i-0c10c2c7863d1a356, TCP port 22 which is associated with 'SSH' is reachable from the internet",
            Severity = Severity.Medium,
            SeverityNormalized = 40,
            ComplianceStatus = null,
            WorkflowStatus = "NEW",
            RecordState = "ACTIVE",
            ResourceType = "AwsEc2Instance",
            ResourceId = "arn:aws:ec2:us-east-1:193043430472:instance/i-0c10c2c7863d1a356",
            FirstObservedAt = null,
            LastObservedAt = null,
            CreatedAt = Utc("2020-08-19T17:36:22.169"),
            UpdatedAt = Utc("2020-11-04T16:36:06.064"),
            RawJson = "",
        }, record);
    }

    [Fact]
    public void Parse_ProwlerFinding_TakesNamesFromTheProductArnAndDerivesTheScore()
    {
        // Arrange: Prowler writes a bare array, a label-only severity, no Workflow, empty Types, and
        // no ProductName/CompanyName at all.
        const string file = "prowler-docs/prowler-json-asff-example-01.json";

        // Act
        var record = AsffTestFiles.ParseSingle(file);

        // Assert
        AssertRecord(new FindingRecord
        {
            Id = "prowler-rds_instance_minor_version_upgrade_enabled-ACCOUNT_ID-eu-west-1-b1ade474a",
            ProductArn = "arn:aws:securityhub:eu-west-1::product/prowler/prowler",
            AwsAccountId = "ACCOUNT_ID",
            Region = "eu-west-1",
            ProductName = "prowler",
            CompanyName = "prowler",
            GeneratorId = "prowler-rds_instance_minor_version_upgrade_enabled",
            ControlId = null,
            Title = "Ensure RDS instances have minor version upgrade enabled.",
            Severity = Severity.Low,
            SeverityNormalized = 1,
            ComplianceStatus = "PASSED",
            WorkflowStatus = "NEW",
            RecordState = "ACTIVE",
            ResourceType = "AwsRdsDbInstance",
            ResourceId = "rds-instance-id",
            FirstObservedAt = Utc("2022-12-01T13:16:57"),
            LastObservedAt = null,
            CreatedAt = Utc("2022-12-01T13:16:57"),
            UpdatedAt = Utc("2022-12-01T13:16:57"),
            RawJson = "",
        }, record);
    }

    [Fact]
    public void Parse_NormalizedOnlyFindingInEventBridgeEvent_DerivesLabelAndMapsLegacyWorkflowState()
    {
        // Arrange: a 2019 GuardDuty finding in a custom-action event: Severity {Product 5, Normalized 50},
        // no Workflow object, only the deprecated WorkflowState.
        const string file = "cloud-custodian/cwe/event-securityhub-iamkey-finding-action.json";

        // Act
        var record = AsffTestFiles.ParseSingle(file);

        // Assert
        AssertRecord(new FindingRecord
        {
            Id = "arn:aws:guardduty:us-east-1:644160558196:detector/06b01209ca77b0865dd973df0355fc1e/finding/4cb5a629e9757b650d102f683cdbcd7b",
            ProductArn = "arn:aws:securityhub:us-east-1::product/aws/guardduty",
            AwsAccountId = "644160558196",
            Region = "us-east-1",
            ProductName = "GuardDuty",
            CompanyName = "AWS",
            GeneratorId = "arn:aws:guardduty:us-east-1:644160558196:detector/06b01209ca77b0865dd973df0355fc1e",
            ControlId = null,
            Title = "Unusual console login was seen for principal kapil.",
            Severity = Severity.Medium,
            SeverityNormalized = 50,
            ComplianceStatus = null,
            WorkflowStatus = "NEW",
            RecordState = "ACTIVE",
            ResourceType = "AwsIamAccessKey",
            ResourceId = "AWS::IAM::AccessKey:null",
            FirstObservedAt = Utc("2019-06-12T15:11:20"),
            LastObservedAt = Utc("2019-06-12T15:12:40"),
            CreatedAt = Utc("2019-06-12T15:34:50.346"),
            UpdatedAt = Utc("2019-06-12T15:34:50.346"),
            RawJson = "",
        }, record);
    }

    [Fact]
    public void Parse_CustomProductWithoutWorkflowOrRecordState_UsesDefaultsAndArnParts()
    {
        // Arrange: the user guide's BatchImportFindings example, a custom integration
        // (product/123456789012/default) with neither Workflow, WorkflowState nor RecordState.
        const string file = "awsdocs-securityhub/batchimportfindings-01.json";

        // Act
        var record = AsffTestFiles.ParseSingle(file);

        // Assert
        Assert.Equal(("us-west-1", "default", "123456789012"), (record.Region, record.ProductName, record.CompanyName));
        Assert.Equal((Severity.Informational, 0), (record.Severity, record.SeverityNormalized));
        Assert.Equal(("NEW", "ACTIVE"), (record.WorkflowStatus, record.RecordState));
        Assert.Equal(Utc("2019-08-07T17:05:54.832"), record.CreatedAt);
        Assert.Null(record.ControlId);
    }

    [Fact]
    public void Parse_RecordedGetFindingsWithoutDescription_IsAcceptedWithTheNormalizedScore()
    {
        // Arrange: a 2018 GetFindings recording (Security Hub preview): no Description, no Label,
        // timestamps with microseconds and an explicit +00:00 offset.
        const string file = "cloud-custodian/test_security_hub_bucket/securityhub.GetFindings_1.json";

        // Act
        var record = AsffTestFiles.ParseSingle(file);

        // Assert
        Assert.Equal("us-east-1/644160558196/1c2225c1b6021b20eca238fb14173179/e101eec6e852466eddbcd92d0fe09123", record.Id);
        Assert.Equal((Severity.Informational, 0), (record.Severity, record.SeverityNormalized));
        Assert.Equal(("Default", "Personal"), (record.ProductName, record.CompanyName));
        Assert.Equal(new DateTimeOffset(2018, 11, 29, 0, 2, 14, TimeSpan.Zero).AddTicks(8100680), record.CreatedAt);
        Assert.Equal(("AwsS3Bucket", "arn:aws:::c7n-test-public-bucket"), (record.ResourceType, record.ResourceId));
    }

    private static void AssertRecord(FindingRecord expected, FindingRecord actual)
    {
        Assert.False(string.IsNullOrEmpty(actual.RawJson));
        Assert.Equal(expected, actual with { RawJson = "" });
    }

    private static DateTimeOffset Utc(string localIso) =>
        DateTimeOffset.Parse(localIso + "Z", System.Globalization.CultureInfo.InvariantCulture);
}
