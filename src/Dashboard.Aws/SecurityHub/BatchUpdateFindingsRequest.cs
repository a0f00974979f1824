using System.Text.Json;

namespace Dashboard.Aws.SecurityHub;

/// <summary>A finding as BatchUpdateFindings names it (AwsSecurityFindingIdentifier): its Id and ProductArn.</summary>
public sealed record FindingIdentifier(string Id, string ProductArn);

/// <summary>BatchUpdateFindings' NoteUpdate: the note text and who wrote it; Security Hub stamps UpdatedAt itself.</summary>
public sealed record NoteUpdate(string Text, string UpdatedBy);

/// <summary>
/// BatchUpdateFindings input (PATCH /findings/batchupdate), limited to the fields the dashboard changes:
/// Workflow.Status and Note. <see cref="ToJson"/> checks it against the model and Security Hub's documented
/// limits first (at most 100 findings a call, note text and author 1 to 512 characters), so a bad request
/// fails here with a sentence naming the field rather than as InvalidInputException from AWS.
/// </summary>
public sealed record BatchUpdateFindingsRequest
{
    /// <summary>"You can update up to 100 findings at a time."</summary>
    public const int MaxFindings = 100;
    /// <summary>Note.Text: "Length Constraints: Minimum of 1. Maximum of 512."</summary>
    public const int MaxNoteLength = 512;
    /// <summary>Note.UpdatedBy has the same limit in the console and the API.</summary>
    public const int MaxUpdatedByLength = 512;

    /// <summary>The values of the model's WorkflowStatus enum.</summary>
    public static readonly IReadOnlyList<string> WorkflowStatuses = ["NEW", "NOTIFIED", "RESOLVED", "SUPPRESSED"];

    public required IReadOnlyList<FindingIdentifier> FindingIdentifiers { get; init; }

    /// <summary>Workflow.Status: NEW, NOTIFIED, RESOLVED or SUPPRESSED; null leaves the workflow alone.</summary>
    public string? WorkflowStatus { get; init; }

    /// <summary>Replaces the finding's note; null leaves it alone.</summary>
    public NoteUpdate? Note { get; init; }

    public byte[] ToJson()
    {
        Validate();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("FindingIdentifiers");
            foreach (var finding in FindingIdentifiers)
            {
                writer.WriteStartObject();
                writer.WriteString("Id", finding.Id);
                writer.WriteString("ProductArn", finding.ProductArn);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            if (WorkflowStatus is not null)
            {
                writer.WriteStartObject("Workflow");
                writer.WriteString("Status", WorkflowStatus);
                writer.WriteEndObject();
            }
            if (Note is not null)
            {
                writer.WriteStartObject("Note");
                writer.WriteString("Text", Note.Text);
                writer.WriteString("UpdatedBy", Note.UpdatedBy);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The findings split into calls of at most <see cref="MaxFindings"/>, each otherwise the same request.</summary>
    public IReadOnlyList<BatchUpdateFindingsRequest> Chunk() =>
        [.. FindingIdentifiers.Chunk(MaxFindings).Select(chunk => this with { FindingIdentifiers = chunk })];

    private void Validate()
    {
        if (FindingIdentifiers is null || FindingIdentifiers.Count == 0)
            throw new ArgumentException("BatchUpdateFindings needs at least one finding identifier.");
        if (FindingIdentifiers.Count > MaxFindings)
            throw new ArgumentException($"BatchUpdateFindings accepts at most {MaxFindings} findings a call (got {FindingIdentifiers.Count}).");
        for (var i = 0; i < FindingIdentifiers.Count; i++)
        {
            var finding = FindingIdentifiers[i];
            if (finding is null || IsBlank(finding.Id) || IsBlank(finding.ProductArn))
                throw new ArgumentException($"BatchUpdateFindings finding identifier #{i} needs a non-blank Id and ProductArn.");
        }
        if (WorkflowStatus is null && Note is null)
            throw new ArgumentException("BatchUpdateFindings needs something to update: a workflow status, a note or both.");
        if (WorkflowStatus is not null && !WorkflowStatuses.Contains(WorkflowStatus))
            throw new ArgumentException($"'{WorkflowStatus}' is not a workflow status; use one of {string.Join(", ", WorkflowStatuses)}.");
        if (Note is not null)
        {
            if (IsBlank(Note.Text) || Note.Text.Length > MaxNoteLength)
                throw new ArgumentException($"BatchUpdateFindings Note.Text must be 1 to {MaxNoteLength} characters and not blank.");
            if (IsBlank(Note.UpdatedBy) || Note.UpdatedBy.Length > MaxUpdatedByLength)
                throw new ArgumentException($"BatchUpdateFindings Note.UpdatedBy must be 1 to {MaxUpdatedByLength} characters and not blank.");
        }
    }

    // The model's NonEmptyString pattern is ".*\S.*".
    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);
}
