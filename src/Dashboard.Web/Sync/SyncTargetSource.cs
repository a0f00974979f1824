using Dashboard.Aws;
using Dashboard.Aws.Organizations;
using Dashboard.Core.Organizations;
using Dashboard.Core.Sync;
using Dashboard.Data.Organizations;
using Dashboard.Data.Settings;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Sync;

/// <summary>
/// The accounts and account-Regions a sync visits: the configured <c>Aws:Accounts</c>, or, with
/// account discovery, the ACTIVE accounts of the last organization snapshot; less the accounts an Admin
/// excluded from syncing (a stored setting, read at every sync). Findings are read in every configured
/// Region, or only in the Security Hub aggregation Region (it returns the linked Regions' findings).
/// </summary>
public sealed class SyncTargetSource(
    IOptionsMonitor<AwsOptions> options,
    IOptionsMonitor<OrganizationsOptions> organizations,
    OrganizationQueries organizationQueries,
    SettingsStore settings,
    TimeProvider time,
    ILogger<SyncTargetSource> logger)
{
    public int MaxConcurrency => options.CurrentValue.MaxConcurrency;

    /// <summary>The accounts the next sync visits (excluded ones left out, and logged).</summary>
    public async Task<IReadOnlyList<string>> GetAccountIdsAsync(CancellationToken ct)
    {
        var scope = await GetScopeAsync(ct);
        foreach (var account in scope.Excluded)
        {
            logger.LogInformation(
                "Skipping account {Account}: excluded from syncing by an admin setting ({ExcludedBy}, {ExcludedAt:u})",
                account.AccountId, account.Exclusion!.ExcludedBy, account.Exclusion.ExcludedAt);
        }
        return scope.AccountIds;
    }

    public async Task<IReadOnlyList<SyncTarget>> GetFindingsTargetsAsync(CancellationToken ct)
    {
        var accounts = await GetAccountIdsAsync(ct);
        return [.. from account in accounts
                   from region in options.CurrentValue.FindingsRegions
                   select new SyncTarget(account, region)];
    }

    /// <summary>One result per account the sync would visit but an Admin excluded, for the run record.</summary>
    public async Task<IReadOnlyList<SyncTargetResult>> GetSkippedResultsAsync(CancellationToken ct)
        => (await GetScopeAsync(ct)).SkippedResults(time.GetUtcNow());

    /// <summary>
    /// Every account the sync knows of, with where it comes from, what the cached organization says about
    /// it, and whether an Admin excluded it: what a sync visits, and what the Admin page lists.
    /// </summary>
    public async Task<SyncScope> GetScopeAsync(CancellationToken ct)
    {
        var stored = await settings.GetAsync(ct);
        var cached = await organizationQueries.GetLatestAsync(ct);
        var org = cached?.Snapshot;
        string? note = null;
        var accounts = new List<ScopeAccount>();

        if (organizations.CurrentValue.DiscoverAccounts && org is not null)
        {
            foreach (var account in org.Accounts)
            {
                accounts.Add(new ScopeAccount(account.Id, account.Name, ScopeAccountSource.Discovered)
                {
                    IsManagement = account.Id == org.ManagementAccountId,
                    OrganizationStatus = account.Status,
                    // Discovery visits ACTIVE accounts only; suspended and closing ones are listed, not synced.
                    Eligible = account.IsActive,
                    Exclusion = stored.ExclusionOf(account.Id),
                });
            }
        }
        else
        {
            if (organizations.CurrentValue.DiscoverAccounts)
            {
                note = "Account discovery is on but no organization snapshot is cached yet; using Aws:Accounts.";
                logger.LogWarning("Account discovery is on but no organization snapshot is cached yet; using Aws:Accounts");
            }
            foreach (var configured in options.CurrentValue.Accounts.DistinctBy(a => a.AccountId, StringComparer.Ordinal))
            {
                var known = org?.Accounts.FirstOrDefault(a => a.Id == configured.AccountId);
                accounts.Add(new ScopeAccount(configured.AccountId, configured.Name ?? known?.Name, ScopeAccountSource.Configured)
                {
                    IsManagement = org is not null && configured.AccountId == org.ManagementAccountId,
                    OrganizationStatus = known?.Status,
                    Eligible = true,
                    Exclusion = stored.ExclusionOf(configured.AccountId),
                });
            }
        }

        // Excluded accounts no longer configured or discovered stay listed, so an Admin can put them back.
        foreach (var exclusion in stored.ExcludedAccounts.Where(e => accounts.All(a => a.AccountId != e.AccountId)))
        {
            var known = org?.Accounts.FirstOrDefault(a => a.Id == exclusion.AccountId);
            accounts.Add(new ScopeAccount(exclusion.AccountId, known?.Name, ScopeAccountSource.ExcludedOnly)
            {
                IsManagement = org is not null && exclusion.AccountId == org.ManagementAccountId,
                OrganizationStatus = known?.Status,
                Eligible = false,
                Exclusion = exclusion,
            });
        }
        return new SyncScope(accounts, note);
    }
}

public enum ScopeAccountSource
{
    /// <summary>Listed in <c>Aws:Accounts</c>.</summary>
    Configured,
    /// <summary>An account of the cached organization (account discovery).</summary>
    Discovered,
    /// <summary>Neither configured nor discovered any more, but still excluded by an Admin.</summary>
    ExcludedOnly,
}

/// <summary>One account the sync knows of.</summary>
public sealed record ScopeAccount(string AccountId, string? Name, ScopeAccountSource Source)
{
    public bool IsManagement { get; init; }
    /// <summary>ACTIVE, SUSPENDED, ... from the cached organization; null when the organization does not list it.</summary>
    public string? OrganizationStatus { get; init; }
    /// <summary>Configuration or discovery would visit it (discovery skips accounts that are not ACTIVE).</summary>
    public bool Eligible { get; init; }
    /// <summary>Set when an Admin excluded the account from syncing.</summary>
    public ExcludedAccount? Exclusion { get; init; }
    public bool IsExcluded => Exclusion is not null;
    /// <summary>The next sync visits it.</summary>
    public bool InScope => Eligible && Exclusion is null;
}

/// <summary>What a sync visits and what it skips, and why.</summary>
public sealed record SyncScope(IReadOnlyList<ScopeAccount> Accounts, string? Note)
{
    public IReadOnlyList<string> AccountIds => [.. Accounts.Where(a => a.InScope).Select(a => a.AccountId)];

    /// <summary>Accounts the sync would visit but an Admin excluded.</summary>
    public IReadOnlyList<ScopeAccount> Excluded => [.. Accounts.Where(a => a.Eligible && a.IsExcluded)];

    /// <summary>
    /// One result per excluded account for the run record, so a run says what it skipped and why.
    /// The reason is in <see cref="SyncTargetResult.Error"/>.
    /// </summary>
    public IReadOnlyList<SyncTargetResult> SkippedResults(DateTimeOffset at) =>
        [.. Excluded.Select(a => new SyncTargetResult
        {
            AccountId = a.AccountId,
            Region = SyncTargetKinds.GlobalRegion,
            Kind = SkippedKind,
            Status = SyncTargetStatus.Skipped,
            Error = SkipReason(a.Exclusion!),
            StartedAt = at,
            FinishedAt = at,
        })];

    /// <summary>The run-record kind of an account skipped by an Admin setting.</summary>
    public const string SkippedKind = "excluded";

    public static string SkipReason(ExcludedAccount exclusion) =>
        $"Skipped: excluded from syncing by an admin setting ({exclusion.ExcludedBy}, {exclusion.ExcludedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC).";
}
