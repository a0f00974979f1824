using System.Collections.Concurrent;
using Dashboard.Aws.Credentials;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Client;

/// <summary>
/// Hands out one <see cref="AwsProtocolClient"/> per (service, account, Region), signed with that account's
/// credentials (assumed role or ambient). The SDK shares HttpClients between them.
/// </summary>
public sealed class AwsClientFactory(AccountCredentialsProvider credentials, IOptions<AwsOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<(string Service, string Account, string Region), Lazy<AwsProtocolClient>> _clients = new();
    private bool _disposed;

    public AwsProtocolClient Get(AwsServiceDefinition service, string accountId, string region)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var lazy = _clients.GetOrAdd((service.ServiceId, accountId, region), key => new Lazy<AwsProtocolClient>(() =>
        {
            var aws = options.Value;
            var config = new AwsProtocolClientConfig(service, key.Region, aws.ServiceUrls.For(service), aws.MaxErrorRetry);
            return new AwsProtocolClient(credentials.For(key.Account), config);
        }));
        return lazy.Value;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var lazy in _clients.Values)
        {
            if (lazy.IsValueCreated) lazy.Value.Dispose();
        }
        _clients.Clear();
    }
}
