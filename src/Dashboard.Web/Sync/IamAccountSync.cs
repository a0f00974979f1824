using System.Diagnostics;
using Dashboard.Aws.Iam;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Organizations;
using Dashboard.Core.Sync;
using Dashboard.Data.Iam;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Sync;

/// <summary>
/// Reads one account's IAM (authorization details, credential report, summary, password policy),
/// analyses its risks through the policy evaluator (with the account's SCPs when the organization is
/// known) and stores both in one transaction. A failed account keeps its last good data. A credential
/// report IAM did not finish in time or would not give (AccessDenied) is replaced by the account's
/// cached one when young enough (see <see cref="CredentialReportCarryOver"/>); what is still missing is
/// a warning on the account's sync result, and the risks needing it say they were not evaluated.
/// </summary>
public sealed class IamAccountSync(
    IamCollector collector,
    IamStore store,
    IamQueries queries,
    CacheWriteGate writeGate,
    IOptionsMonitor<RiskAnalysisOptions> riskOptions,
    TimeProvider time,
    ILogger<IamAccountSync> logger)
{
    public SyncWorkItem WorkItem(string accountId, long runId, IamSyncContext context)
        => new($"IAM {accountId}", token => SyncAccountAsync(accountId, runId, context, token));

    internal async Task<SyncTargetResult> SyncAccountAsync(string accountId, long runId, IamSyncContext context, CancellationToken ct)
    {
        var startedAt = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var collected = await collector.CollectWithStatsAsync(accountId, ct);
            var snapshot = collected.Snapshot.CredentialReport is null
                ? CredentialReportCarryOver.Apply(collected.Snapshot, await queries.GetSnapshotAsync(accountId, ct), time.GetUtcNow())
                : collected.Snapshot;
            var options = context.RiskOptions(riskOptions.CurrentValue);
            var scps = context.ScpsFor(accountId);
            var risks = new IamRiskAnalyzer(time).Analyze(snapshot, options, scps);
            await writeGate.WriteAsync(async () =>
            {
                await store.SaveAsync(snapshot, risks, runId, ct);
                return 0;
            }, ct);

            foreach (var gap in collected.Snapshot.Gaps)
            {
                logger.LogWarning("IAM sync of {Account}: {Gap}", accountId, gap.Reason);
            }

            var principals = snapshot.Users.Count + snapshot.Roles.Count + snapshot.Groups.Count;
            logger.LogInformation(
                "Synced IAM of {Account}: {Principals} principals, {Policies} managed policies, {Risks} risk results, {Retries} retries in {Elapsed} ms",
                accountId, principals, snapshot.ManagedPolicies.Count, risks.Count, collected.Retries, stopwatch.ElapsedMilliseconds);
            return new SyncTargetResult
            {
                AccountId = accountId, Region = SyncTargetKinds.GlobalRegion, Kind = SyncTargetKinds.Iam,
                Status = SyncTargetStatus.Succeeded, FullRefresh = true,
                // For IAM the counts are what the snapshot holds: principals and policies replaced as a whole.
                Updated = principals + snapshot.ManagedPolicies.Count,
                Retries = collected.Retries, Pages = collected.Pages,
                RejectionSamples = WarningsFirst(snapshot, collected.Snapshot.Gaps),
                StartedAt = startedAt, FinishedAt = time.GetUtcNow(),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = SyncErrors.Describe(ex);
            logger.LogError("IAM sync of {Account} failed; its cached IAM data is kept: {Error}", accountId, error);
            return new SyncTargetResult
            {
                AccountId = accountId, Region = SyncTargetKinds.GlobalRegion, Kind = SyncTargetKinds.Iam,
                Status = SyncTargetStatus.Failed, Error = error,
                StartedAt = startedAt, FinishedAt = time.GetUtcNow(),
            };
        }
    }

    /// <summary>
    /// The warnings the sync page shows for the account, at most five: missing account data first
    /// ("Credential report unavailable: AccessDenied on iam:GenerateCredentialReport."), so the reason
    /// some risks were not evaluated is never cut off by a list of absent policies.
    /// </summary>
    internal static IReadOnlyList<string> WarningsFirst(IamAccountSnapshot snapshot, IReadOnlyList<IamDataGap> gaps)
    {
        const int Max = 5;
        bool AboutGap(string warning) => gaps.Any(g => warning.StartsWith(g.Sentence[..^1], StringComparison.Ordinal));
        return [.. snapshot.Warnings.Where(AboutGap).Concat(snapshot.Warnings.Where(w => !AboutGap(w))).Take(Math.Max(Max, gaps.Count))];
    }
}

/// <summary>What the IAM analysis of a run knows about the organization (empty without one).</summary>
public sealed record IamSyncContext(
    IReadOnlyList<string> OrganizationAccountIds,
    string? OrganizationId,
    string? ManagementAccountId,
    Func<string, IReadOnlyList<OrganizationPolicyLevel>?> ScpsFor)
{
    public static IamSyncContext None { get; } = new([], null, null, _ => null);

    /// <summary>The context of a cached organization (None without one); the sync and `import iam` share it.</summary>
    public static IamSyncContext For(OrganizationSnapshot? organization) => organization is null
        ? None
        : new IamSyncContext(
            [.. organization.Accounts.Select(a => a.Id)],
            organization.Organization.Id,
            organization.Organization.ManagementAccountId,
            accountId => ScpScope.For(organization, accountId));

    /// <summary>The configured risk options, with the organization's accounts trusted when there is one.</summary>
    public RiskAnalysisOptions RiskOptions(RiskAnalysisOptions configured) => OrganizationAccountIds.Count == 0
        ? configured
        // Roles trusted by accounts outside the organization are what the trust rule reports.
        : configured.WithOrganization(OrganizationAccountIds, OrganizationId, ManagementAccountId);
}
