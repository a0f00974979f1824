using Amazon.Runtime;
using Dashboard.Aws.Client;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.CredentialReport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Iam;

/// <summary>The outcome of fetching a credential report: the report, or why there is none; and what it cost.</summary>
public sealed record CredentialReportOutcome(IamCredentialReport? Report, string? Problem, int Requests, int Retries, bool Generated);

/// <summary>
/// Gets an account's credential report without asking IAM for more than it allows: a report younger than
/// <see cref="IamCollectionOptions.CredentialReportMaxAge"/> (IAM makes at most one per 4 hours) is reused;
/// otherwise GenerateCredentialReport is called and polled, with doubling waits, until COMPLETE or until
/// <see cref="IamCollectionOptions.CredentialReportMaxWait"/> is spent. ReportNotPresent and ReportExpired
/// (410) mean "generate one"; ReportInProgress (404) means "keep waiting". Other errors propagate.
/// </summary>
public sealed class CredentialReportFetcher(IOptions<IamCollectionOptions> options, TimeProvider time, ILogger<CredentialReportFetcher> logger)
{
    public async Task<CredentialReportOutcome> FetchAsync(AwsProtocolClient client, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var settings = options.Value;
        var requests = 0;
        var retries = 0;

        requests++;
        try
        {
            var existing = await client.GetCredentialReportAsync(cancellationToken).ConfigureAwait(false);
            retries += existing.Retries;
            if (existing.GeneratedTime is { } generated && time.GetUtcNow() - generated < settings.CredentialReportMaxAge)
            {
                logger.LogDebug("Reusing the credential report of account {AccountId} generated {Generated:O}", accountId, generated);
                return new CredentialReportOutcome(Parse(existing), null, requests, retries, Generated: false);
            }
        }
        catch (AmazonServiceException ex) when (IsNoReport(ex) || IsInProgress(ex))
        {
            retries += IamOperations.RetriesOf(ex);
        }

        var waited = TimeSpan.Zero;
        var delay = settings.CredentialReportFirstPoll;
        while (true)
        {
            requests++;
            var state = await client.GenerateCredentialReportAsync(cancellationToken).ConfigureAwait(false);
            retries += state.Retries;
            if (state.IsComplete)
            {
                requests++;
                try
                {
                    var report = await client.GetCredentialReportAsync(cancellationToken).ConfigureAwait(false);
                    retries += report.Retries;
                    return new CredentialReportOutcome(Parse(report), null, requests, retries, Generated: true);
                }
                catch (AmazonServiceException ex) when (IsInProgress(ex) || IsNoReport(ex))
                {
                    // COMPLETE was reported but the download is not there yet: keep polling.
                    retries += IamOperations.RetriesOf(ex);
                }
            }

            if (waited + delay > settings.CredentialReportMaxWait)
            {
                var problem = $"The credential report of account {accountId} was not ready after {waited.TotalSeconds:0.#} s (IAM said {state.State}); the snapshot has none.";
                logger.LogWarning("{Problem}", problem);
                return new CredentialReportOutcome(null, problem, requests, retries, Generated: true);
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            waited += delay;
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.CredentialReportMaxPoll.Ticks));
        }
    }

    private static IamCredentialReport Parse(CredentialReportDownload download)
    {
        try
        {
            return CredentialReportParser.Parse(download.Csv, download.GeneratedTime);
        }
        catch (IamInventoryFormatException ex)
        {
            throw new AwsResponseFormatException("IAM", "GetCredentialReport", ex.Message, ex);
        }
    }

    private static bool IsNoReport(AmazonServiceException ex) => ex.ErrorCode is "ReportNotPresent" or "ReportExpired";

    private static bool IsInProgress(AmazonServiceException ex) => ex.ErrorCode is "ReportInProgress";
}
