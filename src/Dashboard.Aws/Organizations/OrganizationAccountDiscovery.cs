using Dashboard.Core.Organizations;
using Microsoft.Extensions.Logging;

namespace Dashboard.Aws.Organizations;

/// <summary>
/// Account discovery: the organization's ACTIVE accounts (suspended and closing ones skipped, the
/// management account marked), for the findings and IAM syncs to visit instead of a static list. Two
/// calls' worth of API (DescribeOrganization, then ListAccounts paged), much cheaper than a full
/// <see cref="OrganizationCollector"/> read. Errors as the collector's.
/// </summary>
public sealed class OrganizationAccountDiscovery(OrganizationsClient client, ILogger<OrganizationAccountDiscovery> logger)
{
    public async Task<IReadOnlyList<DiscoveredAccount>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var session = await client.OpenAsync(cancellationToken).ConfigureAwait(false);
        var organization = await session.DescribeOrganizationAsync(cancellationToken).ConfigureAwait(false);
        var accounts = await session.ListAccountsAsync(cancellationToken).ConfigureAwait(false);
        var active = accounts
            .Where(a => a.Status == OrganizationAccount.ActiveStatus)
            .DistinctBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new DiscoveredAccount(a.Id, a.Name, a.Email, a.Id == organization.ManagementAccountId))
            .ToList();
        logger.LogInformation(
            "Discovered {Active} active accounts of {Total} in organization {OrganizationId} ({Skipped} skipped as not ACTIVE)",
            active.Count, accounts.Count, organization.Id, accounts.Count - active.Count);
        return active;
    }
}
