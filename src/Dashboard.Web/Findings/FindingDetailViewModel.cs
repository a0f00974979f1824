using System.Text.Json;
using Dashboard.Data.Findings;

namespace Dashboard.Web.Findings;

/// <summary>
/// Every ASFF section of one finding, read from its original JSON for the detail page. Built without
/// rendering so it can be tested directly; never throws on odd shapes (missing sections, wrong types,
/// invalid JSON), it shows what it can and says what it could not read.
/// </summary>
public sealed class FindingDetailViewModel
{
    /// <summary>Sections shown with their own layout; every other top-level key lands in <see cref="OtherSections"/>.</summary>
    private static readonly HashSet<string> HandledKeys = new(StringComparer.Ordinal)
    {
        "SchemaVersion", "Id", "ProductArn", "ProductName", "CompanyName", "Region", "GeneratorId",
        "AwsAccountId", "AwsAccountName", "Types", "FirstObservedAt", "LastObservedAt", "CreatedAt", "UpdatedAt",
        "ProcessedAt", "Severity", "Title", "Description", "Remediation", "ProductFields", "Resources",
        "Compliance", "WorkflowState", "Workflow", "RecordState", "Note", "UserDefinedFields", "SourceUrl",
        "Confidence", "Criticality", "VerificationState",
    };

    /// <summary>Optional ASFF sections shown (in this order) when present, as readable key/value trees.</summary>
    private static readonly string[] KnownExtraSections =
    [
        "Network", "NetworkPath", "Process", "Malware", "Threats", "Vulnerabilities", "ThreatIntelIndicators",
        "Action", "PatchSummary", "RelatedFindings", "FindingProviderFields", "GeneratorDetails", "Sample", "Detection",
    ];

    private FindingDetailViewModel(FindingRow row, string rawJson)
    {
        Row = row;
        RawJson = rawJson;
        PrettyJson = rawJson;
    }

    public FindingRow Row { get; }
    public string RawJson { get; }

    /// <summary>Set when the stored JSON could not be parsed; the page then shows the columns and the raw text only.</summary>
    public string? ParseError { get; private set; }

    public string PrettyJson { get; private set; }
    public string? Description { get; private set; }
    public string? GeneratorId { get; private set; }
    public string? CompanyName { get; private set; }
    public string? AwsAccountName { get; private set; }
    public IReadOnlyList<string> Types { get; private set; } = [];
    public SeverityView? Severity { get; private set; }
    public string? Confidence { get; private set; }
    public string? Criticality { get; private set; }
    public string? VerificationState { get; private set; }
    public string? SourceUrl { get; private set; }
    public Uri? SourceLink => AsffJson.SafeLink(SourceUrl);
    public RemediationView? Remediation { get; private set; }
    public IReadOnlyList<ResourceView> Resources { get; private set; } = [];
    public ComplianceView? Compliance { get; private set; }
    public IReadOnlyList<KeyValuePair<string, string>> ProductFields { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> UserDefinedFields { get; private set; } = [];
    public NoteView? Note { get; private set; }
    public WorkflowView Workflow { get; private set; } = new(null, null);
    public TimestampsView Timestamps { get; private set; } = new(null, null, null, null, null);

    /// <summary>Network, Process, Malware, Vulnerabilities, ... and any unknown top-level keys, in display order.</summary>
    public IReadOnlyList<JsonSection> OtherSections { get; private set; } = [];

    public static FindingDetailViewModel From(FindingDetail detail) => From(detail.Row, detail.RawJson);

    public static FindingDetailViewModel From(FindingRow row, string rawJson)
    {
        var model = new FindingDetailViewModel(row, rawJson ?? "");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(model.RawJson, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            model.ParseError = $"The stored ASFF JSON is not valid JSON ({ex.Message}); showing it verbatim.";
            return model;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                model.ParseError = $"The stored ASFF JSON is a {root.ValueKind}, not an object; showing it verbatim.";
                return model;
            }
            model.Read(root);
        }
        return model;
    }

    private void Read(JsonElement root)
    {
        PrettyJson = AsffJson.Pretty(root);
        Description = AsffJson.String(root, "Description");
        GeneratorId = AsffJson.String(root, "GeneratorId");
        CompanyName = AsffJson.String(root, "CompanyName");
        AwsAccountName = AsffJson.String(root, "AwsAccountName");
        Types = AsffJson.StringArray(AsffJson.Property(root, "Types"));
        Confidence = AsffJson.String(root, "Confidence");
        Criticality = AsffJson.String(root, "Criticality");
        VerificationState = AsffJson.String(root, "VerificationState");
        SourceUrl = AsffJson.String(root, "SourceUrl");
        Severity = ReadSeverity(root);
        Remediation = ReadRemediation(root);
        Resources = [.. AsffJson.Array(AsffJson.Property(root, "Resources")).Select(ResourceView.From)];
        Compliance = ReadCompliance(root);
        ProductFields = AsffJson.Map(AsffJson.Property(root, "ProductFields"));
        UserDefinedFields = AsffJson.Map(AsffJson.Property(root, "UserDefinedFields"));
        Note = ReadNote(root);
        Workflow = new WorkflowView(
            AsffJson.String(root, "Workflow", "Status"),
            // WorkflowState is the deprecated predecessor of Workflow.Status; providers still send it.
            AsffJson.String(root, "WorkflowState"));
        Timestamps = new TimestampsView(
            AsffJson.Timestamp(root, "FirstObservedAt"),
            AsffJson.Timestamp(root, "LastObservedAt"),
            AsffJson.Timestamp(root, "CreatedAt"),
            AsffJson.Timestamp(root, "UpdatedAt"),
            AsffJson.Timestamp(root, "ProcessedAt"));
        OtherSections = ReadOtherSections(root);
    }

    private static SeverityView? ReadSeverity(JsonElement root)
    {
        if (AsffJson.Property(root, "Severity") is not { } severity) return null;
        if (severity.ValueKind != JsonValueKind.Object)
        {
            return new SeverityView(AsffJson.Display(severity), null, null, null);
        }
        return new SeverityView(
            AsffJson.String(severity, "Label"),
            AsffJson.String(severity, "Normalized"),
            AsffJson.String(severity, "Original"),
            AsffJson.String(severity, "Product"));
    }

    private static RemediationView? ReadRemediation(JsonElement root)
    {
        var recommendation = AsffJson.Path(root, "Remediation", "Recommendation");
        if (recommendation is not { } r) return null;
        var text = AsffJson.String(r, "Text");
        var url = AsffJson.String(r, "Url");
        return text is null && url is null ? null : new RemediationView(text, url);
    }

    private static ComplianceView? ReadCompliance(JsonElement root)
    {
        if (AsffJson.Property(root, "Compliance") is not { ValueKind: JsonValueKind.Object } compliance) return null;
        var standards = AsffJson.Array(AsffJson.Property(compliance, "AssociatedStandards"))
            .Select(s => AsffJson.String(s, "StandardsId") ?? AsffJson.Display(s))
            .Where(s => s.Length > 0)
            .ToList();
        var reasons = AsffJson.Array(AsffJson.Property(compliance, "StatusReasons"))
            .Select(r => new StatusReasonView(AsffJson.String(r, "ReasonCode"), AsffJson.String(r, "Description") ?? Fallback(r)))
            .ToList();
        return new ComplianceView(
            AsffJson.String(compliance, "Status"),
            AsffJson.String(compliance, "SecurityControlId"),
            standards,
            AsffJson.StringArray(AsffJson.Property(compliance, "RelatedRequirements")),
            reasons,
            AsffJson.Property(compliance, "SecurityControlParameters") is { } parameters ? AsffJson.Pretty(parameters) : null);

        static string? Fallback(JsonElement reason)
            => reason.ValueKind == JsonValueKind.Object ? null : AsffJson.Display(reason);
    }

    private static NoteView? ReadNote(JsonElement root)
    {
        if (AsffJson.Property(root, "Note") is not { } note) return null;
        if (note.ValueKind != JsonValueKind.Object) return new NoteView(AsffJson.Display(note), null, null);
        return new NoteView(AsffJson.String(note, "Text"), AsffJson.String(note, "UpdatedBy"), AsffJson.Timestamp(note, "UpdatedAt"));
    }

    private static List<JsonSection> ReadOtherSections(JsonElement root)
    {
        var sections = new List<JsonSection>();
        foreach (var name in KnownExtraSections)
        {
            if (AsffJson.Property(root, name) is { } value)
            {
                sections.Add(new JsonSection(name, value.Clone()));
            }
        }
        foreach (var property in root.EnumerateObject())
        {
            if (HandledKeys.Contains(property.Name) || KnownExtraSections.Contains(property.Name, StringComparer.Ordinal)) continue;
            if (property.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) continue;
            sections.Add(new JsonSection(property.Name, property.Value.Clone()));
        }
        return sections;
    }
}

public sealed record SeverityView(string? Label, string? Normalized, string? Original, string? Product);

public sealed record RemediationView(string? Text, string? Url)
{
    /// <summary>The URL as a link target only when it is absolute http(s); otherwise the page shows it as text.</summary>
    public Uri? Link => AsffJson.SafeLink(Url);
}

public sealed record ResourceView(
    string? Type,
    string? Id,
    string? Partition,
    string? Region,
    string? ResourceRole,
    IReadOnlyList<KeyValuePair<string, string>> Tags,
    string? DetailsJson)
{
    internal static ResourceView From(JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object)
        {
            return new ResourceView(null, AsffJson.Display(resource), null, null, null, [], null);
        }
        return new ResourceView(
            AsffJson.String(resource, "Type"),
            AsffJson.String(resource, "Id"),
            AsffJson.String(resource, "Partition"),
            AsffJson.String(resource, "Region"),
            AsffJson.String(resource, "ResourceRole"),
            AsffJson.Map(AsffJson.Property(resource, "Tags")),
            AsffJson.Property(resource, "Details") is { } details ? AsffJson.Pretty(details) : null);
    }
}

public sealed record StatusReasonView(string? ReasonCode, string? Description);

public sealed record ComplianceView(
    string? Status,
    string? SecurityControlId,
    IReadOnlyList<string> AssociatedStandards,
    IReadOnlyList<string> RelatedRequirements,
    IReadOnlyList<StatusReasonView> StatusReasons,
    string? SecurityControlParametersJson);

public sealed record NoteView(string? Text, string? UpdatedBy, string? UpdatedAt);

public sealed record WorkflowView(string? Status, string? LegacyState);

public sealed record TimestampsView(string? FirstObservedAt, string? LastObservedAt, string? CreatedAt, string? UpdatedAt, string? ProcessedAt);

/// <summary>An ASFF section without a dedicated layout, rendered as a key/value tree.</summary>
public sealed record JsonSection(string Name, JsonElement Value);
