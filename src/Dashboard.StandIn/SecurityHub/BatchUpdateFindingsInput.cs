using System.Text.Json;
using Dashboard.StandIn.Data;

namespace Dashboard.StandIn.SecurityHub;

/// <summary>
/// A BatchUpdateFindings body (PATCH /findings/batchupdate) checked the way Security Hub checks it: 1 to 100
/// FindingIdentifiers with a non-blank Id and ProductArn, a known Workflow.Status, a Note whose Text and
/// UpdatedBy are both present, non-blank and at most 512 characters. Anything else is InvalidInputException.
/// </summary>
internal sealed record BatchUpdateFindingsInput(
    IReadOnlyList<(string Id, string ProductArn)> Findings,
    WorkflowCode? Workflow,
    string? NoteText,
    string? NoteUpdatedBy)
{
    public const int MaxFindings = 100;
    public const int MaxNoteLength = 512;

    // The other updatable fields exist in the API; the stand-in does not model them and says so.
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "Severity", "VerificationState", "Confidence", "Criticality", "Types", "UserDefinedFields", "RelatedFindings",
    };

    public static BatchUpdateFindingsInput Parse(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw Serialization($"The request body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Serialization("The request body must be a JSON object.");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (Unsupported.Contains(property.Name))
                {
                    throw SecurityHubException.InvalidInput($"The local stand-in's BatchUpdateFindings updates Workflow and Note only, not {property.Name}.");
                }

                if (property.Name is not ("FindingIdentifiers" or "Workflow" or "Note"))
                {
                    throw SecurityHubException.InvalidInput($"Unknown member '{property.Name}' in the BatchUpdateFindings request.");
                }
            }

            var findings = ReadIdentifiers(root);
            var workflow = ReadWorkflow(root);
            var (text, updatedBy) = ReadNote(root);
            if (workflow is null && text is null)
            {
                throw SecurityHubException.InvalidInput("At least one of Workflow or Note must be provided.");
            }

            return new BatchUpdateFindingsInput(findings, workflow, text, updatedBy);
        }
    }

    private static List<(string, string)> ReadIdentifiers(JsonElement root)
    {
        if (!root.TryGetProperty("FindingIdentifiers", out var list))
        {
            throw SecurityHubException.InvalidInput("FindingIdentifiers is required.");
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw Serialization("FindingIdentifiers must be a list.");
        }

        var count = list.GetArrayLength();
        if (count is 0 or > MaxFindings)
        {
            throw SecurityHubException.InvalidInput($"FindingIdentifiers must contain between 1 and {MaxFindings} items (got {count}).");
        }

        var findings = new List<(string, string)>(count);
        foreach (var item in list.EnumerateArray())
        {
            var id = item.ValueKind == JsonValueKind.Object ? NonBlank(item, "Id") : null;
            var productArn = item.ValueKind == JsonValueKind.Object ? NonBlank(item, "ProductArn") : null;
            if (id is null || productArn is null)
            {
                throw SecurityHubException.InvalidInput($"FindingIdentifiers[{findings.Count}] must have a non-empty Id and ProductArn.");
            }

            findings.Add((id, productArn));
        }

        return findings;
    }

    private static WorkflowCode? ReadWorkflow(JsonElement root)
    {
        if (!root.TryGetProperty("Workflow", out var workflow) || workflow.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var status = workflow.ValueKind == JsonValueKind.Object && workflow.TryGetProperty("Status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (!FindingStatus.TryParseWorkflow(status, out var code))
        {
            throw SecurityHubException.InvalidInput(
                $"Workflow.Status '{status}' is invalid; valid values are {string.Join(", ", FindingStatus.WorkflowLabels)}.");
        }

        return code;
    }

    private static (string? Text, string? UpdatedBy) ReadNote(JsonElement root)
    {
        if (!root.TryGetProperty("Note", out var note) || note.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (note.ValueKind != JsonValueKind.Object)
        {
            throw Serialization("Note must be a NoteUpdate object.");
        }

        var text = NonBlank(note, "Text") ?? throw SecurityHubException.InvalidInput("Note.Text is required and must not be blank.");
        var updatedBy = NonBlank(note, "UpdatedBy") ?? throw SecurityHubException.InvalidInput("Note.UpdatedBy is required and must not be blank.");
        if (text.Length > MaxNoteLength)
        {
            throw SecurityHubException.InvalidInput($"Note.Text must be at most {MaxNoteLength} characters (got {text.Length}).");
        }

        if (updatedBy.Length > MaxNoteLength)
        {
            throw SecurityHubException.InvalidInput($"Note.UpdatedBy must be at most {MaxNoteLength} characters (got {updatedBy.Length}).");
        }

        return (text, updatedBy);
    }

    // Wrong JSON types fail in AWS's deserializer, before validation, with this error type.
    private static SecurityHubException Serialization(string message) => new(400, "SerializationException", message);

    // The model's NonEmptyString: a string matching ".*\S.*".
    private static string? NonBlank(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
