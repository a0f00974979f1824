using Dashboard.Aws.Organizations;
using Dashboard.Core.Organizations;
using Dashboard.Core.Sync;
using Dashboard.Data.Organizations;

namespace Dashboard.Web.Sync;

/// <summary>
/// Reads the organization (tree, accounts, SCPs and RCPs with their attachments) and stores the
/// snapshot. A failure is recorded and the last good snapshot stays in use.
/// </summary>
public sealed class OrganizationSync(
    OrganizationCollector collector,
    OrganizationStore store,
    CacheWriteGate writeGate,
    TimeProvider time,
    ILogger<OrganizationSync> logger)
{
    public async Task<(SyncTargetResult Result, OrganizationSnapshot? Snapshot)> SyncAsync(long runId, CancellationToken ct)
    {
        var startedAt = time.GetUtcNow();
        try
        {
            var snapshot = await collector.CollectAsync(ct);
            await writeGate.WriteAsync(async () =>
            {
                await store.SaveAsync(snapshot, startedAt, "api", runId, ct);
                return 0;
            }, ct);
            var problems = snapshot.PolicyProblems();
            logger.LogInformation(
                "Synced organization {Organization}: {Accounts} accounts, {Units} OUs, {Policies} policies ({Problems} unreadable)",
                snapshot.Organization.Id, snapshot.Accounts.Count, snapshot.OrganizationalUnits.Count, snapshot.Policies.Count, problems.Count);
            return (new SyncTargetResult
            {
                AccountId = snapshot.Organization.ManagementAccountId, Region = SyncTargetKinds.GlobalRegion,
                Kind = SyncTargetKinds.Organization, Status = SyncTargetStatus.Succeeded, FullRefresh = true,
                Updated = snapshot.Accounts.Count + snapshot.OrganizationalUnits.Count + snapshot.Policies.Count,
                Rejected = problems.Count,
                RejectionSamples = [.. problems.Take(5).Select(p => $"{p.PolicyName} ({p.PolicyId}): {p.Error}")],
                StartedAt = startedAt, FinishedAt = time.GetUtcNow(),
            }, snapshot);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = SyncErrors.Describe(ex);
            logger.LogError("Organization sync failed; the last good organization snapshot is kept: {Error}", error);
            return (new SyncTargetResult
            {
                AccountId = "organization", Region = SyncTargetKinds.GlobalRegion, Kind = SyncTargetKinds.Organization,
                Status = SyncTargetStatus.Failed, Error = error, StartedAt = startedAt, FinishedAt = time.GetUtcNow(),
            }, null);
        }
    }
}
