using System.Security.Cryptography;
using System.Text;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// Client authentication at the token endpoint, which degraded mode leaves to us: the configured
/// client_id, and its secret (basic or post; OpenIddict has already read either form) when the client is confidential.
/// </summary>
internal sealed class TokenRequestValidation(StandInUserPoolOptions options)
    : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<TokenRequestValidation>()
            // Before the code is even looked at, as Cognito authenticates the client first.
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateClientIdParameter.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        var request = context.Request;
        if (!string.Equals(request.ClientId, options.ClientId, StringComparison.Ordinal))
        {
            return Refuse(context, "The client_id is not an app client of this user pool.");
        }

        var expected = options.ClientSecret;
        if (string.IsNullOrEmpty(expected))
        {
            return string.IsNullOrEmpty(request.ClientSecret)
                ? default
                : Refuse(context, "The app client has no secret, but one was sent.");
        }

        if (string.IsNullOrEmpty(request.ClientSecret) || !SameSecret(request.ClientSecret, expected))
        {
            return Refuse(context, "The client secret is missing or wrong.");
        }

        return default;
    }

    // Hashing first makes the comparison fixed-time whatever the lengths.
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    // RefusalLogging logs it (never the secret or the code).
    private static ValueTask Refuse(ValidateTokenRequestContext context, string reason)
    {
        context.Reject(Errors.InvalidClient, reason);
        return default;
    }
}
