using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// Degraded mode has no application store, so this does what it would: only the configured app client,
/// only its callback URLs, and PKCE with S256 (the dashboard always sends it; plain is refused).
/// A refusal here is shown as a 400 by the stand-in, never redirected: the redirect_uri is not trusted yet.
/// </summary>
internal sealed class AuthorizationRequestValidation(StandInUserPoolOptions options, RedirectRules rules)
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseSingletonHandler<AuthorizationRequestValidation>()
            // After OpenIddict's own parameter checks, where its degraded mode skips the client checks.
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        var request = context.Request;
        if (!string.Equals(request.ClientId, options.ClientId, StringComparison.Ordinal))
        {
            return Refuse(context, Errors.InvalidClient, "The client_id is not an app client of this user pool.");
        }

        if (!rules.IsAllowedRedirect(request.RedirectUri))
        {
            return Refuse(context, Errors.InvalidRequest, "The redirect_uri is not one of the app client's callback URLs.");
        }

        if (string.IsNullOrEmpty(request.CodeChallenge) || request.CodeChallengeMethod != CodeChallengeMethods.Sha256)
        {
            return Refuse(context, Errors.InvalidRequest, "PKCE is required: send code_challenge with code_challenge_method=S256.");
        }

        return default;
    }

    // RefusalLogging logs it.
    private static ValueTask Refuse(ValidateAuthorizationRequestContext context, string error, string reason)
    {
        context.Reject(error, reason);
        return default;
    }
}
