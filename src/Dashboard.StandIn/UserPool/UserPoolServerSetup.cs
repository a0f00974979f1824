using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// OpenIddict's server in degraded mode (no stores) configured as a Cognito User Pool: the issuer
/// carries the pool id; discovery and JWKS live under it; authorize, token and userInfo live on the
/// "managed-login domain" (the host root), with Cognito's path casing.
/// </summary>
internal static class UserPoolServerSetup
{
    public const string AuthorizePath = "/oauth2/authorize";
    public const string TokenPath = "/oauth2/token";
    public const string UserInfoPath = "/oauth2/userInfo";
    public const string LogoutPath = "/logout";

    /// <param name="issuer">Read when OpenIddict first builds its options, i.e. at the first request, after the port is known.</param>
    public static void AddUserPoolServer(this IServiceCollection services, StandInUserPoolOptions options, Func<Uri> issuer)
    {
        var signingKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) };
        services.AddSingleton(options);
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<RedirectRules>();
        services.AddSingleton<ManagedLoginSession>();
        services.AddSingleton<AuthorizeEndpoint>();
        services.AddSingleton<LogoutEndpoint>();

        services.AddOpenIddict().AddServer(server =>
        {
            // Relative endpoint paths are matched against the request path and published in discovery
            // under the host the client used, so 127.0.0.1 and localhost both work.
            server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                .SetTokenEndpointUris(TokenPath.TrimStart('/'))
                .SetUserInfoEndpointUris(UserInfoPath.TrimStart('/'))
                .SetConfigurationEndpointUris($"{options.UserPoolId}/.well-known/openid-configuration")
                .SetJsonWebKeySetEndpointUris($"{options.UserPoolId}/.well-known/jwks.json");

            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
            server.EnableDegradedMode();

            // A fresh RS256 key per start; ID and access tokens are signed JWTs, not encrypted (as
            // Cognito's). The encryption key only protects the authorization codes.
            server.AddSigningKey(signingKey).AddEphemeralEncryptionKey().DisableAccessTokenEncryption();
            server.SetIdentityTokenLifetime(options.IdTokenLifetime).SetAccessTokenLifetime(options.IdTokenLifetime)
                .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(5));

            server.Configure(o =>
            {
                o.Issuer = issuer();
                o.TimeProvider = options.TimeProvider;
                o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
                o.ResponseModes.IntersectWith([ResponseModes.Query]);
                o.ClientAuthenticationMethods.IntersectWith([ClientAuthenticationMethods.ClientSecretBasic, ClientAuthenticationMethods.ClientSecretPost]);
            });

            server.AddEventHandler(AuthorizationRequestValidation.Descriptor)
                .AddEventHandler(TokenRequestValidation.Descriptor)
                .AddEventHandler(SingleUseCodes.Descriptor)
                .AddEventHandler(CognitoTokenClaims.Descriptor)
                .AddEventHandler(CognitoUserInfo.Descriptor)
                .AddEventHandler(RefusalLogging.Descriptor);

            server.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                // The stand-in is plain http on loopback only.
                .DisableTransportSecurityRequirement();
        });
    }
}
