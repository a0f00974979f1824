using Dashboard.Aws;
using Dashboard.Core.Sync;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Sync;

/// <summary>
/// The account-Regions a findings sync visits: every configured account in every configured Region,
/// or, with a Security Hub aggregation Region, every account in that Region only (it returns the
/// linked Regions' findings too).
/// </summary>
public sealed class SyncTargetSource(IOptionsMonitor<AwsOptions> options)
{
    public int MaxConcurrency => options.CurrentValue.MaxConcurrency;

    public IReadOnlyList<SyncTarget> GetTargets()
    {
        var aws = options.CurrentValue;
        return [.. from account in aws.Accounts
                   from region in aws.FindingsRegions
                   select new SyncTarget(account.AccountId, region)];
    }
}
