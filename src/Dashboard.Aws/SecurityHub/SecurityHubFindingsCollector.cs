using System.Runtime.CompilerServices;
using Dashboard.Core.Sync;

namespace Dashboard.Aws.SecurityHub;

/// <summary>
/// Reads one account-Region's findings page by page (NextToken loop). Errors are not caught here: an
/// AmazonServiceException (e.g. AccessDeniedException) or an <see cref="AwsResponseFormatException"/>
/// reaches the orchestrator, which records it for that target. The caller disposes each page.
/// </summary>
public sealed class SecurityHubFindingsCollector(SecurityHubClient client, TimeProvider time)
{
    public async IAsyncEnumerable<FindingsPage> CollectAsync(SyncTarget target, FindingsQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(query);
        // "now" is fixed once so every page of this read asks for the same UpdatedAt window.
        var request = query.ToRequest(time.GetUtcNow());
        string? token = null;
        while (true)
        {
            var page = await client.GetFindingsAsync(target.AccountId, target.Region, request with { NextToken = token }, cancellationToken).ConfigureAwait(false);
            if (page.NextToken is not null && page.NextToken == token)
            {
                page.Dispose();
                throw new AwsResponseFormatException("SecurityHub", "GetFindings", "the NextToken repeats the one just sent; paging would never end.");
            }
            var next = page.NextToken;
            yield return page;
            if (next is null) yield break;
            token = next;
        }
    }
}
