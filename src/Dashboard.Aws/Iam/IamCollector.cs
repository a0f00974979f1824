using Amazon.Runtime;
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
/// unreadable responses on the authorization details propagate for the sync to record against the
/// account; on the credential report or the account settings they leave that part out, with a gap
/// saying why (<see cref="IamAccountSnapshot.Gaps"/>) and a warning.
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
        var snapshot = details.ToSnapshot(accountId, collectedAt, IamSnapshotSource.Api);
        var warnings = new List<string>(snapshot.Warnings);
        var gaps = new List<IamDataGap>();

        // The account settings and the credential report each may be denied on their own (a role allowed
        // GetAccountAuthorizationDetails but not GenerateCredentialReport): the principals are still worth keeping.
        var summary = await ReadAsync(accountId, IamAccountData.AccountSummary, "GetAccountSummary", () => client.GetAccountSummaryAsync(cancellationToken), r => r.Retries, gaps, warnings).ConfigureAwait(false);
        var passwordPolicy = await ReadAsync(accountId, IamAccountData.PasswordPolicy, "GetAccountPasswordPolicy", () => client.GetAccountPasswordPolicyAsync(cancellationToken), r => r.Retries, gaps, warnings).ConfigureAwait(false);
        var report = await reports.FetchAsync(client, accountId, cancellationToken).ConfigureAwait(false);
        requests += 2 + report.Requests;
        retries += summary.Retries + passwordPolicy.Retries + report.Retries;
        if (report.Problem is not null)
        {
            warnings.Add(report.Problem);
        }

        if (report.Gap is not null)
        {
            gaps.Add(report.Gap);
        }

        if (report.Report is { Problems.Count: > 0 } parsed)
        {
            warnings.AddRange(parsed.Problems.Select(p => $"Credential report {p}."));
        }

        snapshot = snapshot.WithAccountData(
            report.Report,
            summary.Value?.SummaryMap ?? new Dictionary<string, long>(StringComparer.Ordinal),
            passwordPolicy.Value is null ? IamPasswordPolicyStatus.NotCollected
                : passwordPolicy.Value.Policy is null ? IamPasswordPolicyStatus.NoCustomPolicy
                : IamPasswordPolicyStatus.Custom,
            passwordPolicy.Value?.Policy,
            gaps,
            warnings);

        logger.LogInformation(
            "Read IAM of account {AccountId}: {Users} users, {Groups} groups, {Roles} roles, {Policies} managed policies in {Pages} pages; credential report {Report}",
            accountId, snapshot.Users.Count, snapshot.Groups.Count, snapshot.Roles.Count, snapshot.ManagedPolicies.Count, pages.Count,
            report.Report is null ? "missing" : $"of {report.Report.Rows.Count} rows");
        return new IamCollectionResult(snapshot, requests, retries, pages.Count);
    }

    /// <summary>One account-settings call; an AWS error or unreadable answer becomes a gap (and a warning) instead of failing the account.</summary>
    private async Task<(T? Value, int Retries)> ReadAsync<T>(
        string accountId, IamAccountData data, string operation, Func<Task<T>> read, Func<T, int> retriesOf, List<IamDataGap> gaps, List<string> warnings)
        where T : class
    {
        try
        {
            var value = await read().ConfigureAwait(false);
            return (value, retriesOf(value));
        }
        catch (Exception ex) when (ex is AmazonServiceException or AwsResponseFormatException)
        {
            var why = ex is AmazonServiceException aws ? $"{aws.ErrorCode ?? $"HTTP {(int)aws.StatusCode}"} on iam:{operation}" : $"unreadable answer from iam:{operation}";
            var gap = IamDataGap.Unavailable(data, why);
            gaps.Add(gap);
            warnings.Add(gap.Sentence);
            logger.LogWarning("Account {AccountId}: {Gap} ({Error})", accountId, gap.Reason, ex.Message);
            return (null, IamOperations.RetriesOf(ex));
        }
    }
}
