using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// Shapes the ID and access tokens like Cognito's, once OpenIddict has prepared their principals and
/// before it signs them. The user's email and groups are read from the pool at token time (as Cognito
/// does), and <c>cognito:groups</c> is always a JSON array, even with one group; absent with none.
/// </summary>
internal sealed class CognitoTokenClaims(UserDirectory users, StandInUserPoolOptions options)
    : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseSingletonHandler<CognitoTokenClaims>()
            // Every token principal is prepared by now; none is generated yet.
            .SetOrder(OpenIddictServerHandlers.PrepareUserCodePrincipal.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (context.IdentityTokenPrincipal is null && context.AccessTokenPrincipal is null)
        {
            return default;
        }

        var user = users.Find(context.Principal?.GetClaim(CognitoClaimTypes.Username));
        if (user is null)
        {
            // Only when the pool changed under a running sign-in; Cognito would say the same.
            context.Reject(Errors.InvalidGrant, "The user no longer exists in this user pool.");
            return default;
        }

        var authTime = context.Principal!.GetClaim(CognitoClaimTypes.AuthTime);
        if (context.IdentityTokenPrincipal is { Identity: ClaimsIdentity id })
        {
            Set(id, CognitoClaimTypes.TokenUse, "id");
            Set(id, CognitoClaimTypes.Username, user.Username);
            SetAuthTime(id, authTime);
            if (user.Email is not null)
            {
                Set(id, Claims.Email, user.Email);
                id.RemoveClaims(Claims.EmailVerified);
                id.AddClaim(Claims.EmailVerified, true);
            }

            SetGroups(id, user);
        }

        if (context.AccessTokenPrincipal is { Identity: ClaimsIdentity access })
        {
            Set(access, CognitoClaimTypes.TokenUse, "access");
            Set(access, CognitoClaimTypes.AccessTokenUsername, user.Username);
            Set(access, Claims.ClientId, options.ClientId);
            SetAuthTime(access, authTime);
            SetGroups(access, user);
        }

        return default;
    }

    private static void Set(ClaimsIdentity identity, string type, string value)
    {
        identity.RemoveClaims(type);
        identity.AddClaim(type, value);
    }

    private static void SetAuthTime(ClaimsIdentity identity, string? authTime)
    {
        identity.RemoveClaims(CognitoClaimTypes.AuthTime);
        if (long.TryParse(authTime, out var seconds))
        {
            identity.AddClaim(CognitoClaimTypes.AuthTime, seconds);
        }
    }

    private static void SetGroups(ClaimsIdentity identity, PoolUser user)
    {
        identity.RemoveClaims(CognitoClaimTypes.Groups);
        if (user.Groups.Count > 0)
        {
            // OpenIddict refuses array-valued claims (it writes repeated claims as an array, one as a
            // string); Cognito always writes an array, so the claim is built with the JSON_ARRAY type directly.
            identity.AddClaim(new Claim(CognitoClaimTypes.Groups, JsonSerializer.Serialize(user.Groups), JsonClaimValueTypes.JsonArray));
        }
    }
}
