using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// A local fake of an Amazon Cognito User Pool's OpenID Connect side, on 127.0.0.1 only, so demo mode
/// and tests sign in exactly as production does: discovery and JWKS under the issuer
/// (<c>http://127.0.0.1:&lt;port&gt;/&lt;UserPoolId&gt;</c>); authorize (a page listing the demo users),
/// token and userInfo under <c>/oauth2/</c>; and Cognito's own <c>/logout</c>.
/// </summary>
public sealed class StandInUserPool : IAsyncDisposable
{
    private readonly WebApplication app;
    private int disposed;

    private StandInUserPool(WebApplication app, Uri domainUrl, StandInUserPoolOptions options)
    {
        this.app = app;
        DomainUrl = domainUrl;
        Issuer = new Uri(domainUrl, options.UserPoolId);
        Options = options;
    }

    /// <summary>e.g. http://127.0.0.1:54321/us-east-1_DEMOPOOL1 (no trailing slash, as Cognito's): the OIDC authority.</summary>
    public Uri Issuer { get; }

    /// <summary>e.g. http://127.0.0.1:54321/ — the "managed-login domain" of authorize, token, userInfo and /logout.</summary>
    public Uri DomainUrl { get; }

    public StandInUserPoolOptions Options { get; }

    /// <summary>Cognito's logout URL for this pool's app client.</summary>
    public Uri LogoutUrl(string logoutUri) =>
        new(DomainUrl, $"logout?client_id={Uri.EscapeDataString(Options.ClientId)}&logout_uri={Uri.EscapeDataString(logoutUri)}");

    /// <summary>Validates the options, starts listening on loopback and returns once requests are served.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message names each setting to fix.</exception>
    public static async Task<StandInUserPool> StartAsync(StandInUserPoolOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<StandInUserPool>();
        Uri? domainUrl = null;

        // An empty builder reads no appsettings or ASPNETCORE_* variables, so a host app's Kestrel
        // configuration can never make the stand-in listen anywhere but loopback.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<ILoggerFactory>(new UserPoolLoggerFactory(loggerFactory));
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddRouting();
        builder.Services.Configure<KeyManagementOptions>(o =>
        {
            // Keys never leave memory, so there is nothing to encrypt at rest (and no warning saying so).
            o.XmlRepository = new InMemoryXmlRepository();
            o.XmlEncryptor = new NullXmlEncryptor();
        });
        builder.Services.AddUserPoolServer(options, () => new Uri((domainUrl ?? throw new InvalidOperationException("The user pool has not started.")) + options.UserPoolId));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
        });

        var web = builder.Build();
        web.UseRouting();
        web.UseAuthentication();
        web.MapMethods(UserPoolServerSetup.AuthorizePath, [HttpMethods.Get, HttpMethods.Post],
            (HttpContext context, AuthorizeEndpoint endpoint) => endpoint.HandleAsync(context));
        web.MapGet(UserPoolServerSetup.LogoutPath, (HttpContext context, LogoutEndpoint endpoint) => endpoint.Handle(context));

        await web.StartAsync(cancellationToken);
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The stand-in user pool started but reported no address.");
        domainUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        var pool = new StandInUserPool(web, domainUrl, options);
        logger.LogInformation("Stand-in Cognito user pool {UserPoolId} listening on {DomainUrl} (issuer {Issuer}) with {Users} demo users",
            options.UserPoolId, pool.DomainUrl, pool.Issuer, options.EffectiveUsers.Count);
        return pool;
    }

    /// <summary>Stops the server; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
