using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// Cognito's authorization codes work once. Degraded mode has no token store to revoke them in, so the
/// pool remembers the hash of each redeemed code for longer than a code lives, and refuses a second use.
/// </summary>
internal sealed class SingleUseCodes(StandInUserPoolOptions options) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    /// <summary>Longer than UserPoolServerSetup's code lifetime, so a code cannot outlive its memory.</summary>
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> redeemed = new(StringComparer.Ordinal);

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<SingleUseCodes>()
            // Once the client is authenticated and the code itself validated.
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateAuthentication.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (context.Request.Code is not { Length: > 0 } code)
        {
            return default;
        }

        var now = options.TimeProvider.GetUtcNow();
        foreach (var (key, at) in redeemed)
        {
            if (now - at > Memory)
            {
                redeemed.TryRemove(key, out _);
            }
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
        if (!redeemed.TryAdd(hash, now))
        {
            context.Reject(Errors.InvalidGrant, "The authorization code has already been used.");
        }

        return default;
    }
}
