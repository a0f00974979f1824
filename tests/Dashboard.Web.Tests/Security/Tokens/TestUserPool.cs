using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Dashboard.Web.Tests.Security.Tokens;

/// <summary>
/// The User Pool's side of the sign-in, with no network: Cognito's issuer and endpoints (authorize and
/// token on the managed-login domain, a different host than the issuer), an RS256 signing key with a
/// kid, and ID tokens shaped like Cognito's that each test bends in exactly one way.
/// </summary>
public sealed class TestUserPool : IDisposable
{
    public const string Region = "eu-west-1";
    public const string UserPoolId = "eu-west-1_TestPool1";
    public const string Issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_TestPool1";
    public const string ClientId = "5tst0clientid0dashboard0test";
    public const string Domain = "dashboard-test.auth.eu-west-1.amazoncognito.com";
    public const string KeyId = "test-pool-key-1";

    public static readonly Uri AuthorizeEndpoint = new($"https://{Domain}/oauth2/authorize");
    public static readonly Uri TokenEndpoint = new($"https://{Domain}/oauth2/token");

    private readonly RSA _key = RSA.Create(2048);

    public TestUserPool()
    {
        SigningKey = new RsaSecurityKey(_key) { KeyId = KeyId };
        Configuration = new OpenIdConnectConfiguration
        {
            Issuer = Issuer,
            AuthorizationEndpoint = AuthorizeEndpoint.ToString(),
            TokenEndpoint = TokenEndpoint.ToString(),
            JwksUri = Issuer + "/.well-known/jwks.json",
        };
        Configuration.SigningKeys.Add(SigningKey);
    }

    public RsaSecurityKey SigningKey { get; }

    /// <summary>What the discovery document and JWKS would say; given to the handler so it fetches nothing.</summary>
    public OpenIdConnectConfiguration Configuration { get; }

    public SigningCredentials Signer => new(SigningKey, SecurityAlgorithms.RsaSha256);

    /// <summary>A Cognito ID token's claims, valid in every respect; tests change or remove one.</summary>
    public static Dictionary<string, object> IdTokenClaims(string? nonce, string accessToken, params string[] groups)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = "8f1c2d3e-0000-4000-8000-00000000a1b2",
            ["iss"] = Issuer,
            ["aud"] = ClientId,
            ["token_use"] = "id",
            ["cognito:username"] = "alice",
            ["email"] = "alice@example.com",
            ["email_verified"] = true,
            ["auth_time"] = now.AddSeconds(-5).ToUnixTimeSeconds(),
            ["iat"] = now.AddSeconds(-5).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
            ["at_hash"] = AtHash(accessToken),
            ["origin_jti"] = Guid.NewGuid().ToString(),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        if (nonce is not null) claims["nonce"] = nonce;
        if (groups.Length > 0) claims["cognito:groups"] = groups;
        return claims;
    }

    /// <summary>Signs the claims as a JWT (RS256 with the pool's kid unless another signer is given).</summary>
    public string Issue(IDictionary<string, object> claims, SigningCredentials? signer = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = signer ?? Signer,
        });

    /// <summary>Claims as an unsigned JWT (alg "none"), as a forger without any key would send them.</summary>
    public static string IssueUnsigned(IDictionary<string, object> claims) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor { Claims = claims });

    /// <summary>A key the pool never published, optionally claiming the pool's own kid.</summary>
    public static SigningCredentials ForeignSigner(string keyId) =>
        new(new RsaSecurityKey(RSA.Create(2048)) { KeyId = keyId }, SecurityAlgorithms.RsaSha256);

    /// <summary>OIDC Core 3.1.3.6: the left half of the SHA-256 of the access token, base64url.</summary>
    public static string AtHash(string accessToken) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]);

    public void Dispose() => _key.Dispose();
}
