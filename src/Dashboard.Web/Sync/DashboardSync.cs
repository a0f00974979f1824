using Dashboard.Aws.Organizations;
using Dashboard.Core.Organizations;
using Dashboard.Core.Sync;
using Dashboard.Data.Organizations;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Sync;

/// <summary>
/// The full sync ("Sync now", the schedule, the `sync` verb): the organization first (when enabled),
/// since it decides the accounts (discovery) and their SCPs; then, concurrently, every account-Region's
/// findings and every account's IAM.
/// </summary>
public sealed class DashboardSync(
    SyncRunExecutor executor,
    SyncTargetSource targets,
    FindingsSyncService findings,
    IamAccountSync iam,
    OrganizationSync organization,
    OrganizationQueries organizationQueries,
    IOptionsMonitor<OrganizationsOptions> organizationOptions,
    IOptionsMonitor<DashboardOptions> dashboardOptions,
    ILogger<DashboardSync> logger)
{
    public bool IsRunning => executor.IsRunning;

    /// <summary>Returns null when a sync is already running.</summary>
    public Task<SyncRunSummary?> RunAsync(string trigger, CancellationToken ct)
        => executor.RunAsync(trigger, targets.MaxConcurrency, PlanAsync, ct);

    private async Task<SyncPlan> PlanAsync(long runId, CancellationToken ct)
    {
        var completed = new List<SyncTargetResult>();
        OrganizationSnapshot? org = null;
        if (organizationOptions.CurrentValue.Enabled)
        {
            var (result, snapshot) = await organization.SyncAsync(runId, ct);
            completed.Add(result);
            org = snapshot;
        }
        // After the organization: discovery decides the accounts. Excluded ones go on the record as skipped.
        completed.AddRange(await targets.GetSkippedResultsAsync(ct));

        var items = new List<SyncWorkItem>();
        items.AddRange((await targets.GetFindingsTargetsAsync(ct)).Select(target => findings.WorkItem(target, runId)));
        if (dashboardOptions.CurrentValue.SyncIam)
        {
            // An organization synced earlier or imported with `import org` still gives the SCPs.
            org ??= (await organizationQueries.GetLatestAsync(ct))?.Snapshot;
            var context = ContextFor(org);
            items.AddRange((await targets.GetAccountIdsAsync(ct)).Select(account => iam.WorkItem(account, runId, context)));
        }
        logger.LogDebug("Sync run {RunId} planned {Count} work items", runId, items.Count);
        return new SyncPlan(items) { Completed = completed };
    }

    private static IamSyncContext ContextFor(OrganizationSnapshot? org) => IamSyncContext.For(org);
}
