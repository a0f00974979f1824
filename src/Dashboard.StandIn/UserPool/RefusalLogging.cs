using Microsoft.Extensions.Logging;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// One warning per refused request, whichever check refused it (ours or OpenIddict's), since OpenIddict's
/// own logs are held to warnings (<see cref="UserPoolLoggerFactory"/>). Only the endpoint, the OAuth
/// error, its description and the public client_id and redirect_uri are logged: never codes,
/// verifiers, secrets or tokens.
/// </summary>
internal sealed class RefusalLogging(ILogger<RefusalLogging> logger) : IOpenIddictServerHandler<ProcessErrorContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessErrorContext>()
            .UseSingletonHandler<RefusalLogging>()
            .SetOrder(int.MinValue + 50_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessErrorContext context)
    {
        logger.LogWarning("Stand-in user pool refused a {Endpoint} request: {Error} ({Description}) client_id={ClientId} redirect_uri={RedirectUri}",
            context.EndpointType, context.Error, context.ErrorDescription, context.Request?.ClientId, context.Request?.RedirectUri);
        return default;
    }
}
