using Amazon.Runtime;
using Dashboard.Aws.Client;
using Dashboard.Aws.Credentials;
using Dashboard.Core.Organizations;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Organizations;

/// <summary>
/// Organizations with the ambient credentials (the management account or a delegated administrator: only
/// they may list an organization, so no role is assumed). Organizations is global: the client of the home
/// Region signs for us-east-1 and calls organizations.us-east-1.amazonaws.com in the aws partition.
/// </summary>
public sealed class OrganizationsClient(IAmbientCredentials ambient, AccountCredentialsProvider accounts, IOptions<AwsOptions> options) : IDisposable
{
    private readonly Lock _gate = new();
    private AwsProtocolClient? _client;

    /// <summary>Starts a read: resolves who the ambient credentials are (one cached STS call) and returns a session.</summary>
    public async Task<OrganizationsSession> OpenAsync(CancellationToken cancellationToken)
    {
        var accountId = await accounts.GetAmbientAccountIdAsync(cancellationToken).ConfigureAwait(false);
        return new OrganizationsSession(Client(), accountId);
    }

    private AwsProtocolClient Client()
    {
        lock (_gate)
        {
            if (_client is null)
            {
                var aws = options.Value;
                var service = AwsServiceDefinition.Organizations;
                _client = new AwsProtocolClient(ambient.Get(), new AwsProtocolClientConfig(service, aws.HomeRegion, aws.ServiceUrls.For(service), aws.MaxErrorRetry));
            }

            return _client;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _client?.Dispose();
            _client = null;
        }
    }
}

/// <summary>
/// One read of an organization: every List call follows NextToken to the end (an empty page that still
/// carries a NextToken is not the end, AWS documents that it happens), AccessDenied and
/// AWSOrganizationsNotInUse become <see cref="OrganizationsAccessException"/>, and calls are counted with
/// the SDK's retries of List pages and of failed calls, for the sync record. Thread-safe.
/// </summary>
public sealed class OrganizationsSession
{
    /// <summary>Far more pages than any organization needs (5,000 accounts at 20 per page is 250); stops a service that pages forever.</summary>
    public const int MaxPages = 10_000;

    private readonly AwsProtocolClient _client;
    private int _calls;
    private int _retries;

    internal OrganizationsSession(AwsProtocolClient client, string callerAccountId)
    {
        _client = client;
        CallerAccountId = callerAccountId;
    }

    /// <summary>The account the ambient credentials belong to.</summary>
    public string CallerAccountId { get; }

    public int Calls => Volatile.Read(ref _calls);

    public int Retries => Volatile.Read(ref _retries);

    public Task<OrganizationDetails> DescribeOrganizationAsync(CancellationToken cancellationToken) =>
        CallAsync("DescribeOrganization", () => _client.DescribeOrganizationAsync(cancellationToken), _ => 0);

    public Task<IReadOnlyList<RootSummary>> ListRootsAsync(CancellationToken cancellationToken) =>
        ReadAllAsync("ListRoots", token => _client.ListRootsAsync(token, cancellationToken));

    public Task<IReadOnlyList<OrganizationalUnitSummary>> ListOrganizationalUnitsForParentAsync(string parentId, CancellationToken cancellationToken) =>
        ReadAllAsync("ListOrganizationalUnitsForParent", token => _client.ListOrganizationalUnitsForParentAsync(parentId, token, cancellationToken));

    public Task<IReadOnlyList<AccountSummary>> ListAccountsForParentAsync(string parentId, CancellationToken cancellationToken) =>
        ReadAllAsync("ListAccountsForParent", token => _client.ListAccountsForParentAsync(parentId, token, cancellationToken));

    public Task<IReadOnlyList<PolicySummary>> ListPoliciesAsync(string policyType, CancellationToken cancellationToken) =>
        ReadAllAsync("ListPolicies", token => _client.ListPoliciesAsync(policyType, token, cancellationToken));

    public Task<IReadOnlyList<PolicySummary>> ListPoliciesForTargetAsync(string targetId, string policyType, CancellationToken cancellationToken) =>
        ReadAllAsync("ListPoliciesForTarget", token => _client.ListPoliciesForTargetAsync(targetId, policyType, token, cancellationToken));

    public Task<PolicyDetail> DescribePolicyAsync(string policyId, CancellationToken cancellationToken) =>
        CallAsync("DescribePolicy", () => _client.DescribePolicyAsync(policyId, cancellationToken), _ => 0);

    private async Task<IReadOnlyList<T>> ReadAllAsync<T>(string operation, Func<string?, Task<OrganizationsPage<T>>> page)
    {
        var items = new List<T>();
        string? token = null;
        for (var pages = 1; ; pages++)
        {
            var sent = token;
            var result = await CallAsync(operation, () => page(sent), p => p.Retries).ConfigureAwait(false);
            items.AddRange(result.Items);
            if (result.NextToken is null) return items;
            if (result.NextToken == sent)
                throw new AwsResponseFormatException("Organizations", operation, "the NextToken repeats the one just sent; paging would never end.");
            if (pages >= MaxPages)
                throw new AwsResponseFormatException("Organizations", operation, $"still a NextToken after {MaxPages} pages; paging would never end.");
            token = result.NextToken;
        }
    }

    private async Task<T> CallAsync<T>(string operation, Func<Task<T>> call, Func<T, int> retriesOf)
    {
        Interlocked.Increment(ref _calls);
        try
        {
            var result = await call().ConfigureAwait(false);
            Interlocked.Add(ref _retries, retriesOf(result));
            return result;
        }
        catch (AmazonServiceException ex)
        {
            if (ex.Data[RetryCountHandler.RetriesKey] is int retries) Interlocked.Add(ref _retries, retries);
            if (OrganizationsAccessException.TryWrap(ex, CallerAccountId, operation, out var access)) throw access!;
            throw;
        }
    }
}
