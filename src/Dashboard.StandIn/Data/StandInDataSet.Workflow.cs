using System.Text.Json.Nodes;
using Dashboard.StandIn.SecurityHub;

namespace Dashboard.StandIn.Data;

/// <summary>
/// BatchUpdateFindings over the data set: Workflow.Status (WorkflowState follows, being rendered from the
/// same code) and Note, never UpdatedAt. Notes are few, so they live beside the compact rows, keyed by
/// row index, and are merged into a finding's JSON only when it is rendered.
/// </summary>
public sealed partial class StandInDataSet
{
    private readonly Dictionary<int, StandInNote> notes = [];
    private Dictionary<(string Id, string ProductArn), int>? keyIndex;
    private int keyIndexCount;

    /// <summary>
    /// Applies one BatchUpdateFindings call as <paramref name="scope"/> may (its own account's findings,
    /// every account's for the management account; the signed Region's only). A finding it cannot see is
    /// FindingNotFound; an identifier repeated in the call is DuplicatedFindingIdentifier.
    /// </summary>
    internal IReadOnlyList<WorkflowUpdateOutcome> ApplyBatchUpdate(
        IReadOnlyList<(string Id, string ProductArn)> findings, CallerScope scope, WorkflowCode? workflow, StandInNote? note)
    {
        var outcomes = new List<WorkflowUpdateOutcome>(findings.Count);
        var seen = new HashSet<(string, string)>();
        gate.EnterWriteLock();
        try
        {
            foreach (var (id, productArn) in findings)
            {
                if (!seen.Add((id, productArn)))
                {
                    outcomes.Add(new(id, productArn, "DuplicatedFindingIdentifier", "Duplicated Finding Identifier"));
                    continue;
                }

                var index = FindUnderWriteLock(id, productArn);
                if (index < 0 || !Visible(rows[index], scope))
                {
                    outcomes.Add(new(id, productArn, "FindingNotFound", "Finding Not Found"));
                    continue;
                }

                // UpdatedAt stays: BatchUpdateFindings changes what the customer owns, not what the provider reported.
                if (workflow is { } status)
                {
                    rows[index].Workflow = status;
                }

                if (note is not null)
                {
                    notes[index] = note;
                }

                outcomes.Add(new(id, productArn, null, null));
            }

            version++;
        }
        finally
        {
            gate.ExitWriteLock();
        }

        return outcomes;
    }

    /// <summary>Writes a finding's JSON as GetFindings serves it, with its note if one was set. Callers hold the read lock.</summary>
    internal void WriteFinding(int index, Utf8Output output)
    {
        var view = View(index);
        if (!notes.TryGetValue(index, out var note))
        {
            view.Template.Body.WriteJson(view, output);
            return;
        }

        using var single = new Utf8Output(8 * 1024);
        view.Template.Body.WriteJson(view, single);
        var finding = JsonNode.Parse(single.WrittenSpan)!.AsObject();
        finding["Note"] = new JsonObject
        {
            ["Text"] = note.Text,
            ["UpdatedBy"] = note.UpdatedBy,
            ["UpdatedAt"] = FindingView.FormatTimestamp(note.UpdatedAt),
        };
        output.WriteString(finding.ToJsonString(JsonText.Options));
    }

    private static bool Visible(in FindingRow row, CallerScope scope) =>
        row.Region == scope.RegionIndex && (scope.AccountIndex < 0 || row.Account == scope.AccountIndex);

    /// <summary>Id and ProductArn never change for a row, so the index only grows with the data set.</summary>
    private int FindUnderWriteLock(string id, string productArn)
    {
        keyIndex ??= new Dictionary<(string, string), int>(count);
        for (; keyIndexCount < count; keyIndexCount++)
        {
            var view = View(keyIndexCount);
            keyIndex[(view.Template.Id.Render(view), view.Template.ProductArn.Render(view))] = keyIndexCount;
        }

        return keyIndex.GetValueOrDefault((id, productArn), -1);
    }
}
