using Dashboard.Aws;
using Dashboard.Aws.Organizations;
using Dashboard.Core.Sync;
using Dashboard.Data.Organizations;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Sync;

/// <summary>
/// The accounts and account-Regions a sync visits: the configured <c>Aws:Accounts</c>, or, with
/// account discovery, the ACTIVE accounts of the last organization snapshot. Findings are read in every
/// configured Region, or only in the Security Hub aggregation Region (it returns the linked Regions' findings).
/// </summary>
public sealed class SyncTargetSource(
    IOptionsMonitor<AwsOptions> options,
    IOptionsMonitor<OrganizationsOptions> organizations,
    OrganizationQueries organizationQueries,
    ILogger<SyncTargetSource> logger)
{
    public int MaxConcurrency => options.CurrentValue.MaxConcurrency;

    public async Task<IReadOnlyList<string>> GetAccountIdsAsync(CancellationToken ct)
    {
        if (organizations.CurrentValue.DiscoverAccounts)
        {
            var cached = await organizationQueries.GetLatestAsync(ct);
            if (cached is not null)
                return [.. cached.Snapshot.DiscoverAccounts().Select(a => a.AccountId)];
            logger.LogWarning("Account discovery is on but no organization snapshot is cached yet; using Aws:Accounts");
        }
        return [.. options.CurrentValue.Accounts.Select(a => a.AccountId).Distinct(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<SyncTarget>> GetFindingsTargetsAsync(CancellationToken ct)
    {
        var accounts = await GetAccountIdsAsync(ct);
        return [.. from account in accounts
                   from region in options.CurrentValue.FindingsRegions
                   select new SyncTarget(account, region)];
    }
}
