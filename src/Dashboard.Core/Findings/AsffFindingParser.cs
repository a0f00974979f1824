using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dashboard.Core.Findings;

/// <summary>
/// Turns one ASFF finding (a JSON object) into a <see cref="FindingRecord"/>, or rejects it with a
/// reason that names the field at fault. Never throws on bad input.
/// </summary>
/// <remarks>
/// Strict where the cache depends on a value (the key, timestamps, severity, the statuses pages filter
/// on) and tolerant where real providers differ: legacy <c>WorkflowState</c>, <c>Severity.Normalized</c>
/// or <c>Severity.Product</c> without a label, control ids in legacy <c>ProductFields</c>, and findings
/// without <c>Description</c> (Security Hub's 2018 preview returned those; see the cloud-custodian
/// recordings in shared/data).
/// </remarks>
public static class AsffFindingParser
{
    /// <summary>Security Hub's cap on one finding (BatchImportFindings rejects larger ones).</summary>
    public const int MaxFindingBytes = 240 * 1024;

    private static readonly string[] ComplianceStatuses = ["PASSED", "FAILED", "WARNING", "NOT_AVAILABLE"];
    private static readonly string[] WorkflowStatuses = ["NEW", "NOTIFIED", "SUPPRESSED", "RESOLVED"];
    private static readonly string[] RecordStates = ["ACTIVE", "ARCHIVED"];

    public static FindingParseResult Parse(JsonElement finding)
    {
        try
        {
            return ParseObject(finding);
        }
        catch (InvalidOperationException ex)
        {
            // Only reachable through a disposed document or an unforeseen JSON shape: still a rejection.
            return FindingParseResult.Rejected(null, $"the finding could not be read ({ex.Message})");
        }
    }

    private static FindingParseResult ParseObject(JsonElement finding)
    {
        if (finding.ValueKind != JsonValueKind.Object)
        {
            return FindingParseResult.Rejected(null, $"a finding must be a JSON object, found {JsonText.Describe(finding.ValueKind)}");
        }

        var findingId = ReadId(finding);
        string rawJson;
        try
        {
            rawJson = finding.GetRawText();
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json checks UTF-8 inside strings only when it transcodes them, so malformed
            // bytes surface here when the element did not come through AsffDocumentReader.
            var where = JsonText.FindInvalidUnicode(finding, "") is { } path ? $" in '{path}'" : "";
            return FindingParseResult.Rejected(findingId, $"invalid Unicode (malformed UTF-8){where}");
        }

        var size = Encoding.UTF8.GetByteCount(rawJson);
        if (size > MaxFindingBytes)
        {
            return FindingParseResult.Rejected(findingId, string.Create(
                CultureInfo.InvariantCulture, $"finding is {size:N0} bytes, over the 240 KB ASFF limit"));
        }

        if (JsonText.MayHaveSurrogateEscape(rawJson) && JsonText.FindInvalidUnicode(finding, "") is { } badPath)
        {
            return FindingParseResult.Rejected(findingId, $"invalid Unicode (unpaired surrogate) in '{badPath}'");
        }

        var fields = new AsffTopLevelFields();
        foreach (var property in finding.EnumerateObject())
        {
            if (!fields.Take(property))
            {
                return FindingParseResult.Rejected(findingId, $"duplicate property '{property.Name}'");
            }
        }

        if (fields.MissingRequired() is { Count: > 0 } missing)
        {
            var names = string.Join(", ", missing.Select(name => $"'{name}'"));
            return FindingParseResult.Rejected(findingId, missing.Count == 1
                ? $"missing required field {names}"
                : $"missing required fields {names}");
        }

        var reader = new AsffFieldReader();
        var record = Map(fields, reader, rawJson);
        return reader.Error is null && record is not null
            ? FindingParseResult.Success(record)
            : FindingParseResult.Rejected(findingId, reader.Error ?? "the finding could not be mapped");
    }

    private static FindingRecord? Map(AsffTopLevelFields f, AsffFieldReader r, string rawJson)
    {
        var id = r.RequiredString(f.Id, "Id");
        var productArn = r.RequiredString(f.ProductArn, "ProductArn");
        var accountId = r.RequiredString(f.AwsAccountId, "AwsAccountId");
        r.RequiredString(f.SchemaVersion, "SchemaVersion");
        var generatorId = r.RequiredString(f.GeneratorId, "GeneratorId");
        var title = r.RequiredString(f.Title, "Title");
        r.OptionalString(f.Description, "Description");
        r.StringArray(f.Types, "Types");
        var createdAt = r.RequiredTimestamp(f.CreatedAt, "CreatedAt");
        var updatedAt = r.RequiredTimestamp(f.UpdatedAt, "UpdatedAt");
        var firstObservedAt = r.OptionalTimestamp(f.FirstObservedAt, "FirstObservedAt");
        var lastObservedAt = r.OptionalTimestamp(f.LastObservedAt, "LastObservedAt");
        var (resourceType, resourceId, resourceRegion) = PrimaryResource(f.Resources, r);

        var productFields = r.OptionalObject(f.ProductFields, "ProductFields");
        var (severity, normalized) = ReadSeverity(f.Severity, productFields, r);

        var compliance = r.OptionalObject(f.Compliance, "Compliance");
        var complianceStatus = r.OptionalEnum(Property(compliance, "Status"), "Compliance.Status", ComplianceStatuses);
        var securityControlId = r.OptionalString(Property(compliance, "SecurityControlId"), "Compliance.SecurityControlId");

        var workflow = r.OptionalObject(f.Workflow, "Workflow");
        var workflowStatus = r.OptionalEnum(Property(workflow, "Status"), "Workflow.Status", WorkflowStatuses);
        var legacyWorkflowState = r.OptionalString(f.WorkflowState, "WorkflowState");
        var recordState = r.OptionalEnum(f.RecordState, "RecordState", RecordStates) ?? "ACTIVE";

        var arn = ProductArnParts.Parse(productArn);
        var region = NonBlank(r.OptionalString(f.Region, "Region")) ?? arn.Region ?? resourceRegion;
        var productName = NonBlank(r.OptionalString(f.ProductName, "ProductName"))
            ?? ProductField(productFields, "aws/securityhub/ProductName")
            ?? arn.ProductName
            ?? productArn;
        var companyName = NonBlank(r.OptionalString(f.CompanyName, "CompanyName"))
            ?? ProductField(productFields, "aws/securityhub/CompanyName")
            ?? arn.CompanyName;

        if (r.Error is not null)
        {
            return null;
        }

        if (region is null)
        {
            r.Fail($"cannot tell the finding's Region: no 'Region', and neither ProductArn '{JsonText.Preview(productArn)}' nor 'Resources[0].Region' has one");
            return null;
        }

        return new FindingRecord
        {
            Id = id,
            ProductArn = productArn,
            AwsAccountId = accountId,
            Region = region,
            ProductName = productName,
            CompanyName = companyName,
            GeneratorId = generatorId,
            ControlId = ControlIdOf(securityControlId, productFields),
            Title = title,
            Severity = severity,
            SeverityNormalized = normalized,
            ComplianceStatus = complianceStatus,
            WorkflowStatus = workflowStatus ?? FromLegacyWorkflowState(legacyWorkflowState),
            RecordState = recordState,
            ResourceType = resourceType,
            ResourceId = resourceId,
            FirstObservedAt = firstObservedAt,
            LastObservedAt = lastObservedAt,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            RawJson = rawJson,
        };
    }

    private static (string? Type, string? Id, string? Region) PrimaryResource(JsonElement? resources, AsffFieldReader r)
    {
        if (r.Error is not null || resources is not { } array)
        {
            return default;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            r.Fail($"'Resources' must be an array, found {JsonText.Describe(array.ValueKind)}");
            return default;
        }

        if (array.GetArrayLength() == 0)
        {
            r.Fail("'Resources' must list at least one resource, found an empty array");
            return default;
        }

        var first = array[0];
        if (first.ValueKind != JsonValueKind.Object)
        {
            r.Fail($"'Resources[0]' must be an object, found {JsonText.Describe(first.ValueKind)}");
            return default;
        }

        var type = r.RequiredString(Property(first, "Type"), "Resources[0].Type");
        var resourceId = r.RequiredString(Property(first, "Id"), "Resources[0].Id");
        var region = NonBlank(r.OptionalString(Property(first, "Region"), "Resources[0].Region"));
        return (type, resourceId, region);
    }

    /// <summary>
    /// <c>Label</c> wins when present (Security Hub's rule); <c>Normalized</c> alone gives the label by
    /// the documented ranges. Older providers sent only <c>Normalized</c> + <c>Product</c>, and Security
    /// Hub then wrote the label into <c>ProductFields["aws/securityhub/SeverityLabel"]</c>; a provider
    /// that sent only the deprecated <c>Product</c> is read as if it were <c>Normalized</c>.
    /// </summary>
    private static (Severity Severity, int Normalized) ReadSeverity(JsonElement? element, JsonElement? productFields, AsffFieldReader r)
    {
        var severity = r.OptionalObject(element, "Severity");
        if (r.Error is not null || severity is not { } obj)
        {
            if (r.Error is null)
            {
                r.Fail("'Severity' must be an object, found null");
            }

            return default;
        }

        Severity? label = null;
        var labelText = r.OptionalString(Property(obj, "Label"), "Severity.Label");
        if (labelText is not null)
        {
            if (!SeverityMapping.TryParseLabel(labelText, out var parsed))
            {
                r.Fail($"'Severity.Label' must be one of {string.Join(", ", SeverityMapping.Labels)}, found '{JsonText.Preview(labelText)}'");
                return default;
            }

            label = parsed;
        }

        var normalized = r.OptionalScore(Property(obj, "Normalized"), "Severity.Normalized");
        if (r.Error is not null)
        {
            return default;
        }

        if (label is null && normalized is null)
        {
            if (SeverityMapping.TryParseLabel(ProductField(productFields, "aws/securityhub/SeverityLabel"), out var fromProductFields))
            {
                label = fromProductFields;
            }
            else if (Property(obj, "Product") is { ValueKind: JsonValueKind.Number } product && product.TryGetDouble(out var score))
            {
                normalized = (int)Math.Round(Math.Clamp(score, 0, 100), MidpointRounding.AwayFromZero);
            }
            else
            {
                r.Fail("'Severity' must have a 'Label' or a 'Normalized' value");
                return default;
            }
        }

        return (label ?? SeverityMapping.FromNormalized(normalized!.Value),
                normalized ?? SeverityMapping.ToNormalized(label!.Value));
    }

    /// <summary>
    /// Consolidated control findings (the default since February 2023) carry
    /// <c>Compliance.SecurityControlId</c>; older accounts still send the per-standard ids in
    /// <c>ProductFields</c>: <c>ControlId</c> (AFSBP, PCI), else the last part of
    /// <c>StandardsControlArn</c>, else <c>RuleId</c> (CIS 1.2.0).
    /// </summary>
    private static string? ControlIdOf(string? securityControlId, JsonElement? productFields)
    {
        if (NonBlank(securityControlId) is { } consolidated)
        {
            return consolidated;
        }

        if (ProductField(productFields, "ControlId") is { } legacy)
        {
            return legacy;
        }

        if (ProductField(productFields, "StandardsControlArn") is { } controlArn)
        {
            var last = controlArn[(controlArn.LastIndexOf('/') + 1)..];
            if (last.Length > 0)
            {
                return last;
            }
        }

        return ProductField(productFields, "RuleId");
    }

    /// <summary>The deprecated <c>WorkflowState</c>, mapped as Security Hub maps it to <c>Workflow.Status</c>.</summary>
    private static string FromLegacyWorkflowState(string? state) => state?.Trim().ToUpperInvariant() switch
    {
        "ASSIGNED" or "IN_PROGRESS" or "NOTIFIED" => "NOTIFIED",
        "RESOLVED" => "RESOLVED",
        "DEFERRED" or "SUPPRESSED" => "SUPPRESSED",
        _ => "NEW",
    };

    /// <summary>ProductFields is a free-form string map: a value that is not a non-blank string is ignored.</summary>
    private static string? ProductField(JsonElement? productFields, string name) =>
        Property(productFields, name) is { } value ? NonBlank(JsonText.TryGetString(value)) : null;

    private static JsonElement? Property(JsonElement? obj, string name) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) ? value : null;

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? ReadId(JsonElement finding) =>
        finding.TryGetProperty("Id", out var id) && JsonText.TryGetString(id) is { } text
            ? JsonText.Preview(text, 512)
            : null;
}
