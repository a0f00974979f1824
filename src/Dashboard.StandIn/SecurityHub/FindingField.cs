using Dashboard.StandIn.Data;

namespace Dashboard.StandIn.SecurityHub;

/// <summary>The AwsSecurityFindingFilters string attributes the stand-in filters and sorts on.</summary>
internal enum FindingField
{
    AwsAccountId,
    Region,
    ProductArn,
    ProductName,
    CompanyName,
    Id,
    GeneratorId,
    Title,
    SeverityLabel,
    ComplianceStatus,
    ComplianceSecurityControlId,
    WorkflowStatus,
    RecordState,
    ResourceType,
    ResourceId,
}

/// <summary>The AwsSecurityFindingFilters date attributes.</summary>
internal enum DateField
{
    CreatedAt,
    UpdatedAt,
    FirstObservedAt,
    LastObservedAt,
}

internal static class FindingFields
{
    private static readonly TextPattern[] SeverityLabel = [Single(Token.SeverityLabel)];
    private static readonly TextPattern[] WorkflowStatus = [Single(Token.WorkflowStatus)];
    private static readonly TextPattern[] RecordState = [Single(Token.RecordState)];
    private static readonly TextPattern[] ComplianceStatus = [Single(Token.ComplianceStatus)];

    public static bool TryParse(string name, out FindingField field) => Enum.TryParse(name, ignoreCase: false, out field) && Enum.IsDefined(field);

    public static bool TryParse(string name, out DateField field) => Enum.TryParse(name, ignoreCase: false, out field) && Enum.IsDefined(field);

    /// <summary>The field's values for a template as patterns; null when the finding lacks the attribute.</summary>
    public static TextPattern[]? Patterns(FindingTemplate template, FindingField field) => field switch
    {
        FindingField.AwsAccountId => [template.AwsAccountId],
        FindingField.Region => [template.Region],
        FindingField.ProductArn => [template.ProductArn],
        FindingField.ProductName => [template.ProductName],
        FindingField.CompanyName => [template.CompanyName],
        FindingField.Id => [template.Id],
        FindingField.GeneratorId => [template.GeneratorId],
        FindingField.Title => [template.Title],
        FindingField.SeverityLabel => SeverityLabel,
        FindingField.ComplianceStatus => template.HasCompliance ? ComplianceStatus : null,
        FindingField.ComplianceSecurityControlId => template.SecurityControlId is null ? null : [template.SecurityControlId],
        FindingField.WorkflowStatus => WorkflowStatus,
        FindingField.RecordState => RecordState,
        FindingField.ResourceType => template.ResourceTypes,
        FindingField.ResourceId => template.ResourceIds,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public static long Value(in FindingRow row, DateField field) => field switch
    {
        DateField.CreatedAt => row.CreatedAt,
        DateField.UpdatedAt => row.UpdatedAt,
        DateField.FirstObservedAt => row.FirstObservedAt,
        DateField.LastObservedAt => row.LastObservedAt,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static TextPattern Single(Token token) => new(["", ""], [[], []], [token]);
}
