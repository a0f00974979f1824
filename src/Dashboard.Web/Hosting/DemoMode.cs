using System.Net;
using System.Net.Sockets;
using Dashboard.StandIn;
using System.Security.Cryptography;
using Dashboard.StandIn.Data;
using Dashboard.StandIn.UserPool;
using Dashboard.Web.Security;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Demo mode: on when <c>Dashboard:Demo</c> is true, or when it is not set and no AWS account is
/// configured (README's first command needs no configuration). The real clients are pointed at the
/// local stand-in on 127.0.0.1; it is never started when real AWS is configured.
/// </summary>
public static class DemoMode
{
    public static bool IsOn(IConfiguration configuration)
    {
        var explicitSetting = configuration[$"{DashboardOptions.SectionName}:Demo"];
        if (bool.TryParse(explicitSetting, out var demo)) return demo;
        return !configuration.GetSection("Aws:Accounts").GetChildren().Any();
    }

    /// <summary>
    /// Configures the AWS settings for a stand-in that <see cref="DemoStandIn"/> starts later. The
    /// stand-in's host must not be built before the dashboard's own (test hosts take the first host
    /// built in the process), so its port is reserved now and its organization computed up front:
    /// the data set is deterministic from the options.
    /// </summary>
    public static DemoStandIn Configure(IConfigurationManager configuration)
    {
        var options = new StandInOptions();
        configuration.GetSection(StandInOptions.SectionName).Bind(options);
        options.Port = FreeLoopbackPort();
        var data = StandInDataSet.Create(options);

        var url = $"http://127.0.0.1:{options.Port}";
        var settings = new Dictionary<string, string?>
        {
            ["Aws:ServiceUrls:SecurityHub"] = url,
            ["Aws:ServiceUrls:Sts"] = url,
            ["Aws:ServiceUrls:Iam"] = url,
            ["Aws:ServiceUrls:Organizations"] = url,
            // Demo credentials for the stand-in only; they open nothing anywhere else.
            ["Aws:DemoAccessKeyId"] = "AKIADEMOSTANDIN00001",
            ["Aws:DemoSecretAccessKey"] = "demo-secret-for-the-local-stand-in",
            // The demo's ambient account is the stand-in's management account: it reads the organization
            // too, and its ACTIVE accounts become the accounts the findings and IAM syncs visit.
            ["Aws:Organizations:Enabled"] = "true",
            ["Aws:Organizations:DiscoverAccounts"] = "true",
        };
        var accounts = data.Organization.Accounts;
        for (var i = 0; i < accounts.Count; i++)
        {
            settings[$"Aws:Accounts:{i}:AccountId"] = accounts[i].Id;
            settings[$"Aws:Accounts:{i}:Name"] = accounts[i].Name;
        }
        for (var i = 0; i < data.Regions.Count; i++) settings[$"Aws:Regions:{i}"] = data.Regions[i];
        var userPool = ConfigureUserPool(configuration, settings);
        configuration.AddInMemoryCollection(settings);
        return new DemoStandIn(options, userPool);
    }

    /// <summary>
    /// Sign-in goes through the stand-in's Cognito User Pool (OIDC on its own loopback port) unless a
    /// real pool is configured, so the demo signs in through the same code as production.
    /// </summary>
    private static StandInUserPoolOptions? ConfigureUserPool(IConfiguration configuration, Dictionary<string, string?> settings)
    {
        if (!string.IsNullOrWhiteSpace(configuration[$"{CognitoOptions.SectionName}:ClientId"])) return null;
        var pool = new StandInUserPoolOptions();
        configuration.GetSection(StandInUserPoolOptions.SectionName).Bind(pool);
        pool.Port = FreeLoopbackPort();
        // A confidential client, like most real app clients: the secret path is exercised too. It is
        // made per run and opens only this loopback stand-in.
        pool.ClientSecret ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var url = $"http://127.0.0.1:{pool.Port}";
        settings[$"{CognitoOptions.SectionName}:Authority"] = $"{url}/{pool.UserPoolId}";
        settings[$"{CognitoOptions.SectionName}:Region"] = pool.Region;
        settings[$"{CognitoOptions.SectionName}:UserPoolId"] = pool.UserPoolId;
        settings[$"{CognitoOptions.SectionName}:ClientId"] = pool.ClientId;
        settings[$"{CognitoOptions.SectionName}:ClientSecret"] = pool.ClientSecret;
        settings[$"{CognitoOptions.SectionName}:Domain"] = url;
        settings[$"{CognitoOptions.SectionName}:RequireHttpsMetadata"] = "false";
        return pool;
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>The demo's stand-in: started once, with the app (a hosted service) or by a command-line verb.</summary>
public sealed class DemoStandIn(StandInOptions options, StandInUserPoolOptions? userPoolOptions = null) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public StandInOptions Options { get; } = options;
    public StandInServer? Server { get; private set; }
    /// <summary>The stand-in Cognito User Pool, when the demo signs in through it (the web app only).</summary>
    public StandInUserPool? UserPool { get; private set; }
    /// <summary>True when the demo signs in through the stand-in pool (no real pool configured).</summary>
    public bool PlaysTheUserPool => userPoolOptions is not null;

    public async Task<StandInServer> EnsureStartedAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return Server ??= await StandInServer.StartAsync(Options, loggerFactory: null, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    async Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        await EnsureStartedAsync(cancellationToken);
        if (userPoolOptions is not null)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                UserPool ??= await StandInUserPool.StartAsync(userPoolOptions, loggerFactory: null, cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (UserPool is { } pool) await pool.DisposeAsync();
        if (Server is { } server) await server.DisposeAsync();
    }
}
