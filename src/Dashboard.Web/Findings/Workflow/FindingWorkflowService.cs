using System.Security.Claims;
using Amazon.Runtime;
using Dashboard.Aws;
using Dashboard.Aws.SecurityHub;
using Dashboard.Data.Findings;
using Dashboard.Web.Security;
using Dashboard.Web.Sync;

namespace Dashboard.Web.Findings.Workflow;

/// <summary>
/// Changes findings' workflow status with a note: checks the Analyst policy on the server (hiding the
/// button is not the guard), sends BatchUpdateFindings per account and Region, then applies to the cache
/// and the audit trail exactly what Security Hub reports as processed. A refused user, an invalid request
/// or a failed AWS call leaves the cache as it was.
/// </summary>
public sealed class FindingWorkflowService(
    ActionAuthorizer actions,
    IWorkflowUpdateGateway gateway,
    FindingWorkflowQueries queries,
    FindingWorkflowStore store,
    CacheWriteGate writeGate,
    TimeProvider time,
    ILogger<FindingWorkflowService> logger)
{
    public const string Action = "finding workflow update";
    public const int MaxNoteLength = BatchUpdateFindingsRequest.MaxNoteLength;
    /// <summary>A bound on one request: the detail page sends one finding, a bulk action a page of them.</summary>
    public const int MaxFindings = 1000;

    /// <summary>NEW, NOTIFIED, RESOLVED, SUPPRESSED.</summary>
    public static IReadOnlyList<string> Statuses => BatchUpdateFindingsRequest.WorkflowStatuses;

    public async Task<WorkflowUpdateResult> UpdateAsync(
        ClaimsPrincipal user, IReadOnlyList<FindingKey> findings, string status, string note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        // The shared server-side check: a refusal is logged with who asked for what.
        if (!await actions.IsAllowedAsync(user, DashboardPolicies.Analyst, Action)) return WorkflowUpdateResult.Forbidden();

        var problem = Validate(user, findings, status, note, out var keys, out var text, out var updatedBy);
        if (problem is not null)
        {
            logger.LogInformation("Rejected {Action} by {User}: {Problem}", Action, CognitoClaims.DisplayName(user), problem);
            return WorkflowUpdateResult.Invalid(problem);
        }

        var targets = await queries.GetTargetsAsync(keys, ct);
        var failures = keys.Except(targets.Select(t => t.Key))
            .Select(k => new WorkflowUpdateFailure(k, "The finding is not in the cache (a later sync may have removed it)."))
            .ToList();
        var changes = new List<FindingWorkflowChange>();
        foreach (var group in targets.GroupBy(t => (t.AwsAccountId, t.Region)))
        {
            var (processed, groupFailures) = await SendAsync(group.Key.AwsAccountId, group.Key.Region, [.. group], status, text, updatedBy, ct);
            // Taken once Security Hub has answered, so it is no earlier than the change in AWS: a sync page
            // requested before this time may predate the change, one requested after cannot (FindingWorkflowGuard).
            var acknowledgedAt = time.GetUtcNow();
            failures.AddRange(groupFailures);
            changes.AddRange(processed.Select(t => new FindingWorkflowChange(t.Key, t.AwsAccountId, t.Region, status, text, updatedBy, acknowledgedAt)));
        }

        var cacheProblem = await WriteCacheAsync(changes);
        var result = Summarize(changes.Select(c => c.Finding).ToList(), failures, status, cacheProblem);
        logger.LogInformation("{User} set the workflow status of {Updated} finding(s) to {Status}; {Failed} not updated",
            updatedBy, result.Updated.Count, status, failures.Count);
        return result;
    }

    private static string? Validate(
        ClaimsPrincipal user, IReadOnlyList<FindingKey>? findings, string? status, string? note,
        out IReadOnlyList<FindingKey> keys, out string text, out string updatedBy)
    {
        keys = findings?.Where(f => f is not null).Distinct().ToList() ?? [];
        text = note?.Trim() ?? "";
        updatedBy = CognitoClaims.Name(user) ?? "";
        if (keys.Count == 0) return "Choose at least one finding to update.";
        if (keys.Count > MaxFindings) return $"At most {MaxFindings} findings can be updated at once (got {keys.Count}).";
        if (keys.Any(k => string.IsNullOrWhiteSpace(k.Id) || string.IsNullOrWhiteSpace(k.ProductArn)))
            return "Every finding needs its Id and ProductArn.";
        if (status is null || !Statuses.Contains(status))
            return $"'{status}' is not a workflow status; choose one of {string.Join(", ", Statuses)}.";
        if (text.Length == 0) return "A note is required: say why the workflow changes.";
        if (text.Length > MaxNoteLength) return $"The note is {text.Length} characters long; Security Hub accepts at most {MaxNoteLength}.";
        if (updatedBy.Length == 0) return "Your sign-in has no user name or email to record as the note's author.";
        if (updatedBy.Length > BatchUpdateFindingsRequest.MaxUpdatedByLength) return "Your user name is too long for Security Hub's Note.UpdatedBy.";
        return null;
    }

    /// <summary>One account-Region's BatchUpdateFindings; never throws except for cancellation.</summary>
    private async Task<(List<FindingWorkflowTarget> Processed, List<WorkflowUpdateFailure> Failures)> SendAsync(
        string accountId, string region, List<FindingWorkflowTarget> targets, string status, string note, string updatedBy, CancellationToken ct)
    {
        var request = new BatchUpdateFindingsRequest
        {
            FindingIdentifiers = [.. targets.Select(t => new FindingIdentifier(t.Key.Id, t.Key.ProductArn))],
            WorkflowStatus = status,
            Note = new NoteUpdate(note, updatedBy),
        };
        BatchUpdateFindingsResult result;
        string? error = null;
        try
        {
            result = await gateway.BatchUpdateFindingsAsync(accountId, region, request, ct);
        }
        catch (BatchUpdateFindingsException ex)
        {
            // Earlier chunks went through: those findings did change in AWS and must change in the cache too.
            result = ex.Completed;
            error = Describe(accountId, region, ex.InnerException ?? ex);
            logger.LogWarning(ex, "BatchUpdateFindings in {Account}/{Region} failed part way: {Error}", accountId, region, error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = Describe(accountId, region, ex);
            logger.LogWarning(ex, "BatchUpdateFindings in {Account}/{Region} failed: {Error}", accountId, region, error);
            return ([], [.. targets.Select(t => new WorkflowUpdateFailure(t.Key, error))]);
        }

        var byKey = targets.ToDictionary(t => t.Key);
        var processed = result.Processed
            .Select(p => byKey.GetValueOrDefault(new FindingKey(p.Id, p.ProductArn)))
            .OfType<FindingWorkflowTarget>()
            .Distinct()
            .ToList();
        var reasons = new Dictionary<FindingKey, string>();
        foreach (var unprocessed in result.Unprocessed)
            reasons.TryAdd(new FindingKey(unprocessed.Finding.Id, unprocessed.Finding.ProductArn), $"Security Hub did not update it: {unprocessed.ErrorCode} ({unprocessed.ErrorMessage}).");
        var done = processed.Select(p => p.Key).ToHashSet();
        var failures = targets.Where(t => !done.Contains(t.Key))
            .Select(t => new WorkflowUpdateFailure(t.Key, reasons.GetValueOrDefault(t.Key) ?? error ?? "Security Hub did not report it as updated."))
            .ToList();
        return (processed, failures);
    }

    private static string Describe(string accountId, string region, Exception ex) => ex switch
    {
        AmazonServiceException aws when aws.ErrorCode is "AccessDeniedException" or "AccessDenied" =>
            $"Security Hub in account {accountId}, Region {region} refused the update (AccessDenied): the dashboard's role there needs securityhub:BatchUpdateFindings.",
        AmazonServiceException aws => $"Security Hub in account {accountId}, Region {region} answered {aws.ErrorCode ?? ((int)aws.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)}: {aws.Message}",
        AwsResponseFormatException format => format.Message,
        _ => $"Calling Security Hub in account {accountId}, Region {region} failed: {ex.Message}",
    };

    /// <summary>Returns a problem sentence when the cache could not be written; AWS already has the change then.</summary>
    private async Task<string?> WriteCacheAsync(List<FindingWorkflowChange> changes)
    {
        if (changes.Count == 0) return null;
        try
        {
            // Not cancellable: AWS has applied these changes, so the cache follows even if the user left the page.
            await writeGate.WriteAsync(() => store.ApplyAsync(changes, CancellationToken.None), CancellationToken.None);
            return null;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Security Hub accepted {Count} workflow change(s) but the cache could not record them", changes.Count);
            return "Security Hub was updated, but the local cache could not record it; the next full sync will show the new status.";
        }
    }

    private static WorkflowUpdateResult Summarize(IReadOnlyList<FindingKey> updated, List<WorkflowUpdateFailure> failures, string status, string? cacheProblem)
    {
        var (outcome, message) = (updated.Count, failures.Count) switch
        {
            (0, _) when failures.Count == 1 => (WorkflowUpdateOutcome.Failed, $"Not updated. {failures[0].Reason}"),
            (0, _) => (WorkflowUpdateOutcome.Failed, $"None of the {failures.Count} findings was updated. {failures[0].Reason}"),
            (1, 0) => (WorkflowUpdateOutcome.Updated, $"Workflow status set to {status}."),
            (_, 0) => (WorkflowUpdateOutcome.Updated, $"Workflow status of {updated.Count} findings set to {status}."),
            _ => (WorkflowUpdateOutcome.PartiallyUpdated, $"{updated.Count} finding(s) set to {status}; {failures.Count} not updated. {failures[0].Reason}"),
        };
        if (cacheProblem is not null) message = $"{message} {cacheProblem}";
        return new WorkflowUpdateResult(outcome, message, updated, failures);
    }
}
