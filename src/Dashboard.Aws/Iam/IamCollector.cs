using Dashboard.Core.Iam.Inventory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Iam;

/// <summary>An account's IAM snapshot with what reading it cost.</summary>
public sealed record IamCollectionResult(IamAccountSnapshot Snapshot, int Requests, int Retries, int Pages);

/// <summary>
/// Reads one account's IAM through its own credentials (assumed role or ambient, as for Security Hub):
/// GetAccountAuthorizationDetails with all five filters, page by page until IsTruncated is false; the
/// credential report; GetAccountSummary; GetAccountPasswordPolicy. AWS errors (AccessDenied…) and
/// unreadable responses propagate for the sync to record against the account; a credential report that
/// is not ready in time only adds a warning.
/// </summary>
public sealed class IamCollector(
    IamClient clients,
    CredentialReportFetcher reports,
    IOptions<IamCollectionOptions> options,
    TimeProvider time,
    ILogger<IamCollector> logger)
{
    public async Task<IamAccountSnapshot> CollectAsync(string accountId, CancellationToken cancellationToken) =>
        (await CollectWithStatsAsync(accountId, cancellationToken).ConfigureAwait(false)).Snapshot;

    public async Task<IamCollectionResult> CollectWithStatsAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var client = clients.For(accountId);
        var collectedAt = time.GetUtcNow();
        var requests = 0;
        var retries = 0;

        var pages = new List<IamAuthorizationDetails>();
        string? marker = null;
        var seenMarkers = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await client.GetAccountAuthorizationDetailsAsync(IamOperations.AllEntityTypes, options.Value.PageSize, marker, cancellationToken).ConfigureAwait(false);
            requests++;
            retries += page.Retries;
            pages.Add(page.Details);
            if (!page.Details.IsTruncated)
            {
                break;
            }

            marker = page.Details.Marker;
            if (string.IsNullOrEmpty(marker))
            {
                throw new AwsResponseFormatException("IAM", "GetAccountAuthorizationDetails", "IsTruncated is true but there is no Marker to continue from.");
            }

            if (!seenMarkers.Add(marker))
            {
                throw new AwsResponseFormatException("IAM", "GetAccountAuthorizationDetails", "the Marker repeats one already followed; paging would never end.");
            }
        }
        while (true);

        var details = IamAuthorizationDetails.Combine(pages);
        var summary = await client.GetAccountSummaryAsync(cancellationToken).ConfigureAwait(false);
        var passwordPolicy = await client.GetAccountPasswordPolicyAsync(cancellationToken).ConfigureAwait(false);
        var report = await reports.FetchAsync(client, accountId, cancellationToken).ConfigureAwait(false);
        requests += 2 + report.Requests;
        retries += summary.Retries + passwordPolicy.Retries + report.Retries;

        var snapshot = details.ToSnapshot(accountId, collectedAt, IamSnapshotSource.Api);
        var warnings = new List<string>(snapshot.Warnings);
        if (report.Problem is not null)
        {
            warnings.Add(report.Problem);
        }

        if (report.Report is { Problems.Count: > 0 } parsed)
        {
            warnings.AddRange(parsed.Problems.Select(p => $"Credential report {p}."));
        }

        snapshot = new IamAccountSnapshot
        {
            AccountId = snapshot.AccountId,
            CollectedAt = snapshot.CollectedAt,
            Source = snapshot.Source,
            Users = snapshot.Users,
            Groups = snapshot.Groups,
            Roles = snapshot.Roles,
            ManagedPolicies = snapshot.ManagedPolicies,
            CredentialReport = report.Report,
            AccountSummary = summary.SummaryMap,
            PasswordPolicyStatus = passwordPolicy.Policy is null ? IamPasswordPolicyStatus.NoCustomPolicy : IamPasswordPolicyStatus.Custom,
            PasswordPolicy = passwordPolicy.Policy,
            Warnings = warnings,
        };

        logger.LogInformation(
            "Read IAM of account {AccountId}: {Users} users, {Groups} groups, {Roles} roles, {Policies} managed policies in {Pages} pages; credential report {Report}",
            accountId, snapshot.Users.Count, snapshot.Groups.Count, snapshot.Roles.Count, snapshot.ManagedPolicies.Count, pages.Count,
            report.Report is null ? "missing" : $"of {report.Report.Rows.Count} rows");
        return new IamCollectionResult(snapshot, requests, retries, pages.Count);
    }
}
