using System.Net;
using Dashboard.StandIn.Data;
using Dashboard.StandIn.Faults;
using Dashboard.StandIn.Hosting;
using Dashboard.StandIn.Identity;
using Dashboard.StandIn.SecurityHub;
using Dashboard.StandIn.Sts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.StandIn;

/// <summary>
/// A local fake of the AWS APIs the dashboard calls, on 127.0.0.1 only. One base URL serves every
/// service: requests are routed by the service and Region in their SigV4 credential scope. It speaks
/// the real wire protocols (STS Query/XML, Security Hub REST-JSON) over a generated organization.
/// </summary>
public sealed class StandInServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private StandInServer(WebApplication app, Uri baseUrl, StandInDataSet data, StandInFaults faults)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Data = data;
        Faults = faults;
    }

    /// <summary>e.g. http://127.0.0.1:54321/ — use it as the ServiceURL of every AWS client.</summary>
    public Uri BaseUrl { get; }

    public StandInDataSet Data { get; }

    public StandInFaults Faults { get; }

    /// <summary>Builds the data set, starts listening and returns once requests are served.</summary>
    public static async Task<StandInServer> StartAsync(StandInOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        var data = StandInDataSet.Create(options);
        var faults = new StandInFaults();
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<StandInServer>();
        Uri? baseUrl = null;

        // An empty builder reads no appsettings or ASPNETCORE_* variables, so a host app's Kestrel
        // configuration can never make the stand-in listen anywhere but loopback.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
        });

        var web = builder.Build();
        var credentials = new StandInCredentials(data.Organization);
        var rateLimiter = options.EnforceRateLimit ? new RateLimiter(options.TimeProvider) : null;
        IStandInService[] services =
        [
            new StsService(data.Organization, credentials, faults, options.TimeProvider, options.RequiredExternalId, logger),
            new SecurityHubService(data, faults, rateLimiter, options.TimeProvider, logger),
            new Iam.IamService(data, faults, options, logger),
            new Organizations.OrganizationsService(Organizations.OrganizationTree.For(options.OrganizationFile, data.Organization, options.Seed), faults, logger),
        ];
        var router = new StandInRouter(
            services.ToDictionary(s => s.SigningName, StringComparer.Ordinal),
            credentials,
            new AdminEndpoints(data, faults, () => baseUrl, options.TimeProvider),
            logger);
        web.Run(router.HandleAsync);

        await web.StartAsync(cancellationToken);
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The stand-in started but reported no address.");
        baseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        logger.LogInformation("AWS stand-in listening on {BaseUrl} with {Findings} findings in {Accounts} accounts", baseUrl, data.Count, data.Organization.Accounts.Count);
        return new StandInServer(web, baseUrl, data, faults);
    }

    private int _disposed;

    /// <summary>Stops the server; safe to call more than once (the host app and its owner may both do it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
