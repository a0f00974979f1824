using System.Text.Json;
using Dashboard.StandIn.Data;
using Dashboard.StandIn.Hosting;
using Microsoft.Extensions.Logging;

namespace Dashboard.StandIn.SecurityHub;

/// <summary>BatchUpdateFindings: Workflow.Status and Note of up to 100 findings, without touching UpdatedAt.</summary>
internal sealed partial class SecurityHubService
{
    // Security Hub's BatchUpdateFindings quota (10 requests/s, burst 30) is separate from GetFindings'; enforced when GetFindings' is.
    private readonly RateLimiter? batchUpdateLimiter = rateLimiter is null ? null : new RateLimiter(clock, perSecond: 10, burst: 30);

    private async Task BatchUpdateFindingsAsync(StandInRequest request, byte[] body, CancellationToken cancellationToken)
    {
        var scope = Admit(request, "BatchUpdateFindings", batchUpdateLimiter);
        var input = BatchUpdateFindingsInput.Parse(body);
        var note = input.NoteText is null
            ? null
            : new StandInNote(input.NoteText, input.NoteUpdatedBy!, clock.GetUtcNow().ToUnixTimeMilliseconds());
        var outcomes = data.ApplyBatchUpdate(input.Findings, scope, input.Workflow, note);
        var processed = outcomes.Count(o => o.Processed);
        logger.LogDebug(
            "BatchUpdateFindings as {Account} in {Region}: {Processed} processed, {Unprocessed} unprocessed",
            request.Caller.AccountId, request.Scope.Region, processed, outcomes.Count - processed);

        var output = WriteResponse(outcomes);
        var response = request.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength = output.Length;
        await response.Body.WriteAsync(output, cancellationToken);
    }

    private static byte[] WriteResponse(IReadOnlyList<WorkflowUpdateOutcome> outcomes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonText.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("ProcessedFindings");
            foreach (var outcome in outcomes.Where(o => o.Processed))
            {
                WriteIdentifier(writer, outcome);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("UnprocessedFindings");
            foreach (var outcome in outcomes.Where(o => !o.Processed))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("FindingIdentifier");
                WriteIdentifier(writer, outcome);
                writer.WriteString("ErrorCode", outcome.ErrorCode);
                writer.WriteString("ErrorMessage", outcome.ErrorMessage);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteIdentifier(Utf8JsonWriter writer, WorkflowUpdateOutcome outcome)
    {
        writer.WriteStartObject();
        writer.WriteString("Id", outcome.Id);
        writer.WriteString("ProductArn", outcome.ProductArn);
        writer.WriteEndObject();
    }
}
