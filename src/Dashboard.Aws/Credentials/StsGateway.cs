using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Credentials;

/// <summary>
/// STS through AWSSDK.SecurityToken, signed with the ambient credentials, against the regional STS endpoint of
/// the home Region (AWS recommends regional over the global endpoint) or the configured ServiceURL.
/// </summary>
public sealed class StsGateway(IAmbientCredentials ambient, IOptions<AwsOptions> options) : IStsGateway, IDisposable
{
    /// <summary>One hour: AssumeRole's default, allowed by every role's MaxSessionDuration.</summary>
    public const int SessionSeconds = 3600;

    private readonly Lock _gate = new();
    private AmazonSecurityTokenServiceClient? _client;

    public async Task<SessionCredentials> AssumeRoleAsync(string roleArn, string roleSessionName, string? externalId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleArn);
        var request = new AssumeRoleRequest
        {
            RoleArn = roleArn,
            RoleSessionName = roleSessionName,
            DurationSeconds = SessionSeconds,
        };
        if (!string.IsNullOrEmpty(externalId)) request.ExternalId = externalId;

        var response = await Client().AssumeRoleAsync(request, cancellationToken).ConfigureAwait(false);
        var credentials = response.Credentials;
        if (credentials is null || string.IsNullOrEmpty(credentials.AccessKeyId) || string.IsNullOrEmpty(credentials.SecretAccessKey))
            throw new AwsResponseFormatException("STS", "AssumeRole", $"no Credentials for {roleArn}.");
        // STS always sends Expiration; if a stand-in forgot it, assume the shortest session STS can issue.
        var expiration = credentials.Expiration is { } expires
            ? new DateTimeOffset(DateTime.SpecifyKind(expires, expires.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : expires.Kind)).ToUniversalTime()
            : DateTimeOffset.UtcNow.AddMinutes(15);
        return new SessionCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken ?? "", expiration);
    }

    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        var response = await Client().GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response.Account))
            throw new AwsResponseFormatException("STS", "GetCallerIdentity", "no Account in the response.");
        return new CallerIdentity(response.Account, response.Arn ?? "", response.UserId ?? "");
    }

    /// <summary>The STS client settings for a Region, or for a ServiceURL (then signed for that Region).</summary>
    public static AmazonSecurityTokenServiceConfig CreateConfig(string region, string? serviceUrl, int maxErrorRetry)
    {
        var config = new AmazonSecurityTokenServiceConfig { RetryMode = RequestRetryMode.Standard, MaxErrorRetry = maxErrorRetry };
        if (!string.IsNullOrWhiteSpace(serviceUrl))
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region);
        }
        return config;
    }

    private AmazonSecurityTokenServiceClient Client()
    {
        if (_client is { } client) return client;
        lock (_gate)
        {
            if (_client is null)
            {
                var aws = options.Value;
                _client = new AmazonSecurityTokenServiceClient(ambient.Get(), CreateConfig(aws.HomeRegion, aws.ServiceUrls.Sts, aws.MaxErrorRetry));
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
