using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// Cognito's userInfo answer for a valid access token: sub, email, email_verified and username, read
/// from the pool now (not from the token), and no iss or aud.
/// </summary>
internal sealed class CognitoUserInfo(UserDirectory users) : IOpenIddictServerHandler<HandleUserInfoRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleUserInfoRequestContext>()
            .UseSingletonHandler<CognitoUserInfo>()
            .SetOrder(OpenIddictServerHandlers.UserInfo.AttachClaims.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(HandleUserInfoRequestContext context)
    {
        var user = users.Find(context.AccessTokenPrincipal?.GetClaim(CognitoClaimTypes.AccessTokenUsername));
        if (user is null)
        {
            context.Reject(Errors.InvalidToken, "The access token's user is not in this user pool.");
            return default;
        }

        context.Issuer = null;
        context.Audiences.Clear();
        context.Subject = user.Subject;
        context.Email = user.Email;
        context.EmailVerified = user.Email is null ? null : true;
        context.Claims[CognitoClaimTypes.AccessTokenUsername] = user.Username;
        return default;
    }
}
