using Amazon.Runtime;
using Dashboard.Aws.Client;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.CredentialReport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Iam;

/// <summary>
/// The outcome of fetching a credential report: the report, or why there is none (<see cref="Problem"/>
/// for the log and warnings, <see cref="Gap"/> for the risks it leaves unevaluated); and what it cost.
/// </summary>
public sealed record CredentialReportOutcome(IamCredentialReport? Report, string? Problem, int Requests, int Retries, bool Generated)
{
    public IamDataGap? Gap { get; init; }
}

/// <summary>
/// Gets an account's credential report without asking IAM for more than it allows: a report younger than
/// <see cref="IamCollectionOptions.CredentialReportMaxAge"/> (IAM makes at most one per 4 hours) is reused;
/// otherwise GenerateCredentialReport is called and polled, with doubling waits, until COMPLETE or until
/// <see cref="IamCollectionOptions.CredentialReportMaxWait"/> is spent. ReportNotPresent and ReportExpired
/// (410) mean "generate one"; ReportInProgress (404) means "keep waiting". Any other AWS error
/// (AccessDenied when the role may not read reports) or an unreadable report ends the fetch with no
/// report and the reason, so the rest of the account is still collected.
/// </summary>
public sealed class CredentialReportFetcher(IOptions<IamCollectionOptions> options, TimeProvider time, ILogger<CredentialReportFetcher> logger)
{
    public async Task<CredentialReportOutcome> FetchAsync(AwsProtocolClient client, string accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var progress = new Progress();
        try
        {
            return await FetchCoreAsync(client, accountId, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonServiceException or AwsResponseFormatException)
        {
            var why = ex switch
            {
                AmazonServiceException aws => $"{aws.ErrorCode ?? $"HTTP {(int)aws.StatusCode}"} on iam:{progress.Operation}",
                _ => $"unreadable answer from iam:{progress.Operation}",
            };
            var gap = IamDataGap.Unavailable(IamAccountData.CredentialReport, why);
            logger.LogWarning("Account {AccountId}: {Gap} ({Error})", accountId, gap.Reason, ex.Message);
            return new CredentialReportOutcome(null, gap.Sentence, progress.Requests, progress.Retries + IamOperations.RetriesOf(ex), progress.Generated)
            {
                Gap = gap,
            };
        }
    }

    private async Task<CredentialReportOutcome> FetchCoreAsync(AwsProtocolClient client, string accountId, Progress progress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        progress.Start("GetCredentialReport");
        try
        {
            var existing = await client.GetCredentialReportAsync(cancellationToken).ConfigureAwait(false);
            progress.Retries += existing.Retries;
            if (existing.GeneratedTime is { } generated && time.GetUtcNow() - generated < settings.CredentialReportMaxAge)
            {
                logger.LogDebug("Reusing the credential report of account {AccountId} generated {Generated:O}", accountId, generated);
                return progress.Outcome(Parse(existing), null);
            }
        }
        catch (AmazonServiceException ex) when (IsNoReport(ex) || IsInProgress(ex))
        {
            progress.Retries += IamOperations.RetriesOf(ex);
        }

        var waited = TimeSpan.Zero;
        var delay = settings.CredentialReportFirstPoll;
        while (true)
        {
            progress.Start("GenerateCredentialReport");
            progress.Generated = true;
            var state = await client.GenerateCredentialReportAsync(cancellationToken).ConfigureAwait(false);
            progress.Retries += state.Retries;
            if (state.IsComplete)
            {
                progress.Start("GetCredentialReport");
                try
                {
                    var report = await client.GetCredentialReportAsync(cancellationToken).ConfigureAwait(false);
                    progress.Retries += report.Retries;
                    return progress.Outcome(Parse(report), null);
                }
                catch (AmazonServiceException ex) when (IsInProgress(ex) || IsNoReport(ex))
                {
                    // COMPLETE was reported but the download is not there yet: keep polling.
                    progress.Retries += IamOperations.RetriesOf(ex);
                }
            }

            if (waited + delay > settings.CredentialReportMaxWait)
            {
                var gap = IamDataGap.Unavailable(IamAccountData.CredentialReport, $"not ready after {waited.TotalSeconds:0.#} s of waiting (IAM said {state.State})");
                logger.LogWarning("Account {AccountId}: {Gap}", accountId, gap.Reason);
                return progress.Outcome(null, gap.Sentence) with { Gap = gap };
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            waited += delay;
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.CredentialReportMaxPoll.Ticks));
        }
    }

    /// <summary>What the fetch has done so far, so a failure can say which call failed and what it cost.</summary>
    private sealed class Progress
    {
        public string Operation { get; private set; } = "GetCredentialReport";

        public int Requests { get; private set; }

        public int Retries { get; set; }

        public bool Generated { get; set; }

        public void Start(string operation)
        {
            Operation = operation;
            Requests++;
        }

        public CredentialReportOutcome Outcome(IamCredentialReport? report, string? problem) => new(report, problem, Requests, Retries, Generated);
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
