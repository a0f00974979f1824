using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Dashboard.Aws.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Credentials;

/// <summary>
/// Credentials per account: the ambient credentials for the account they belong to (when
/// <see cref="AwsOptions.ReadAmbientAccountDirectly"/>), else AssumeRole into
/// arn:aws:iam::&lt;account&gt;:role/&lt;RoleName&gt; (or the account's RoleArn) with the ExternalId.
/// Assumed sessions are cached until 5 minutes before they expire; at most one AssumeRole per account is
/// in flight. Credentials are never logged.
/// </summary>
public sealed partial class AccountCredentialsProvider(
    IStsGateway sts,
    IAmbientCredentials ambient,
    IOptions<AwsOptions> options,
    TimeProvider time,
    ILogger<AccountCredentialsProvider> logger)
{
    public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, AccountSession> _sessions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _ambientGate = new(1, 1);
    private string? _ambientAccountId;

    /// <summary>Current credentials for <paramref name="accountId"/>; AWS errors (e.g. AccessDenied on AssumeRole) propagate.</summary>
    public async Task<ImmutableCredentials> GetAsync(string accountId, CancellationToken cancellationToken)
    {
        if (accountId is null || !AccountIdPattern().IsMatch(accountId))
            throw new ArgumentException($"'{accountId}' is not an AWS account id (12 digits).", nameof(accountId));

        if (options.Value.ReadAmbientAccountDirectly && await GetAmbientAccountIdAsync(cancellationToken).ConfigureAwait(false) == accountId)
            return await ambient.Get().GetCredentialsAsync().ConfigureAwait(false);

        var session = _sessions.GetOrAdd(accountId, _ => new AccountSession());
        if (session.Current is { } fresh && IsFresh(fresh)) return fresh.ToImmutable();

        await session.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed it while this one waited.
            if (session.Current is { } refreshed && IsFresh(refreshed)) return refreshed.ToImmutable();
            var aws = options.Value;
            var roleArn = RoleArnFor(accountId);
            var assumed = await sts.AssumeRoleAsync(roleArn, aws.RoleSessionName, aws.ExternalId, cancellationToken).ConfigureAwait(false);
            session.Current = assumed;
            logger.LogInformation("Assumed {RoleArn} for account {AccountId}; session expires {Expiration:O}", roleArn, accountId, assumed.Expiration);
            return assumed.ToImmutable();
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>The SDK credentials object for clients of <paramref name="accountId"/>.</summary>
    public AWSCredentials For(string accountId) => new AccountAwsCredentials(this, accountId);

    /// <summary>The role assumed in <paramref name="accountId"/>: its configured RoleArn, else the RoleName in the home partition.</summary>
    public string RoleArnFor(string accountId)
    {
        var aws = options.Value;
        var configured = aws.Accounts.FirstOrDefault(a => a.AccountId == accountId)?.RoleArn;
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        return $"arn:{AwsPartition.For(aws.HomeRegion)}:iam::{accountId}:role/{aws.RoleName.Trim('/')}";
    }

    /// <summary>The account the ambient credentials belong to (one GetCallerIdentity, then cached).</summary>
    public async Task<string> GetAmbientAccountIdAsync(CancellationToken cancellationToken)
    {
        if (_ambientAccountId is { } known) return known;
        await _ambientGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ambientAccountId is null)
            {
                var identity = await sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Ambient AWS credentials belong to account {AccountId} ({Arn})", identity.Account, identity.Arn);
                _ambientAccountId = identity.Account;
            }
            return _ambientAccountId;
        }
        finally
        {
            _ambientGate.Release();
        }
    }

    private bool IsFresh(SessionCredentials credentials) => time.GetUtcNow() < credentials.Expiration - RefreshBeforeExpiry;

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountIdPattern();

    private sealed class AccountSession
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public SessionCredentials? Current { get; set; }
    }
}
