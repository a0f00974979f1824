namespace Dashboard.Aws.SecurityHub;

/// <summary>
/// The members of AwsSecurityFindingFilters by filter type, from the botocore model
/// (securityhub-service-2.json). A filter on an unknown or wrongly typed field is refused before the call
/// instead of coming back as InvalidInputException.
/// </summary>
public static class FindingFilterFields
{
    public static readonly IReadOnlySet<string> String = new HashSet<string>(StringComparer.Ordinal)
    {
        "ProductArn", "AwsAccountId", "Id", "GeneratorId", "Region", "Type", "SeverityLabel", "Title", "Description",
        "RecommendationText", "SourceUrl", "ProductName", "CompanyName", "MalwareName", "MalwareType", "MalwarePath",
        "MalwareState", "NetworkDirection", "NetworkProtocol", "NetworkSourceDomain", "NetworkSourceMac",
        "NetworkDestinationDomain", "ProcessName", "ProcessPath", "ThreatIntelIndicatorType",
        "ThreatIntelIndicatorValue", "ThreatIntelIndicatorCategory", "ThreatIntelIndicatorSource",
        "ThreatIntelIndicatorSourceUrl", "ResourceType", "ResourceId", "ResourcePartition", "ResourceRegion",
        "ResourceAwsEc2InstanceType", "ResourceAwsEc2InstanceImageId", "ResourceAwsEc2InstanceKeyName",
        "ResourceAwsEc2InstanceIamInstanceProfileArn", "ResourceAwsEc2InstanceVpcId",
        "ResourceAwsEc2InstanceSubnetId", "ResourceAwsS3BucketOwnerId", "ResourceAwsS3BucketOwnerName",
        "ResourceAwsIamAccessKeyUserName", "ResourceAwsIamAccessKeyPrincipalName", "ResourceAwsIamAccessKeyStatus",
        "ResourceAwsIamUserUserName", "ResourceContainerName", "ResourceContainerImageId",
        "ResourceContainerImageName", "ComplianceStatus", "VerificationState", "WorkflowState", "WorkflowStatus",
        "RecordState", "RelatedFindingsProductArn", "RelatedFindingsId", "NoteText", "NoteUpdatedBy",
        "FindingProviderFieldsRelatedFindingsId", "FindingProviderFieldsRelatedFindingsProductArn",
        "FindingProviderFieldsSeverityLabel", "FindingProviderFieldsSeverityOriginal", "FindingProviderFieldsTypes",
        "ComplianceSecurityControlId", "ComplianceAssociatedStandardsId", "VulnerabilitiesExploitAvailable",
        "VulnerabilitiesFixAvailable", "ComplianceSecurityControlParametersName",
        "ComplianceSecurityControlParametersValue", "AwsAccountName", "ResourceApplicationName",
        "ResourceApplicationArn", "ResourceOwnerAccountId", "ResourceOwnerOrgId", "ResourceProvider"
    };

    public static readonly IReadOnlySet<string> Date = new HashSet<string>(StringComparer.Ordinal)
    {
        "FirstObservedAt", "LastObservedAt", "CreatedAt", "UpdatedAt", "ProcessLaunchedAt", "ProcessTerminatedAt",
        "ThreatIntelIndicatorLastObservedAt", "ResourceAwsEc2InstanceLaunchedAt", "ResourceAwsIamAccessKeyCreatedAt",
        "ResourceContainerLaunchedAt", "NoteUpdatedAt"
    };

    public static readonly IReadOnlySet<string> Number = new HashSet<string>(StringComparer.Ordinal)
    {
        "SeverityProduct", "SeverityNormalized", "Confidence", "Criticality", "NetworkSourcePort",
        "NetworkDestinationPort", "ProcessPid", "ProcessParentPid", "FindingProviderFieldsConfidence",
        "FindingProviderFieldsCriticality"
    };

    public static readonly IReadOnlySet<string> Map = new HashSet<string>(StringComparer.Ordinal)
    {
        "ProductFields", "UserDefinedFields", "ResourceTags", "ResourceDetailsOther"
    };
}
