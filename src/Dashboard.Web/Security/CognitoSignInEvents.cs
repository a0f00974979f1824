using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Dashboard.Web.Security;

/// <summary>
/// The Cognito-specific parts of the OpenID Connect flow: only an ID token (token_use=id) signs in;
/// cognito:groups become an application role; the session keeps only the claims the app uses; logout
/// goes to Cognito's own /logout; any failure is logged with its reason and lands on a plain page.
/// </summary>
public sealed class CognitoSignInEvents(IOptionsMonitor<CognitoOptions> options, ILogger<CognitoSignInEvents> logger)
    : OpenIdConnectEvents
{
    private static readonly string[] KeptClaims = [CognitoClaims.Subject, CognitoClaims.Username, CognitoClaims.Email, CognitoClaims.Groups];

    public override Task TokenValidated(TokenValidatedContext context)
    {
        var token = context.SecurityToken;
        // ASP.NET Core does not demand a signature on an ID token that came straight from the token
        // endpoint (the spec allows it); Cognito always signs with RS256, so anything else is forged.
        if (token is null || string.IsNullOrEmpty(token.RawSignature) || !string.Equals(token.Header.Alg, "RS256", StringComparison.Ordinal))
        {
            context.Fail($"the ID token is not signed with RS256 (alg '{token?.Header.Alg ?? "(none)"}')");
            return Task.CompletedTask;
        }
        var tokenUse = token?.Claims.FirstOrDefault(c => c.Type == CognitoClaims.TokenUse)?.Value;
        if (!string.Equals(tokenUse, "id", StringComparison.Ordinal))
        {
            // An access token carries the same issuer and signature; it must not pass as an ID token.
            context.Fail($"token_use is '{tokenUse ?? "(missing)"}', expected 'id'");
            return Task.CompletedTask;
        }

        var issued = context.Principal!;
        var groups = issued.FindAll(CognitoClaims.Groups).Select(c => c.Value).ToList();
        var role = options.CurrentValue.Groups.RoleFor(groups);
        var identity = new ClaimsIdentity(context.Scheme.Name, CognitoClaims.Username, ClaimTypes.Role);
        identity.AddClaims(issued.Claims.Where(c => KeptClaims.Contains(c.Type, StringComparer.Ordinal))
            .Select(c => new Claim(c.Type, c.Value, c.ValueType, c.Issuer)));
        if (role is not null) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        context.Principal = new ClaimsPrincipal(identity);
        return Task.CompletedTask;
    }

    // Not in TokenValidated: the nonce, at_hash and other protocol checks run after it.
    public override Task TicketReceived(TicketReceivedContext context)
    {
        if (context.Principal is { } user)
        {
            logger.LogInformation("{User} signed in with role {Role} (groups: {Groups})",
                CognitoClaims.DisplayName(user), user.FindFirst(ClaimTypes.Role)?.Value ?? "none",
                string.Join(", ", user.FindAll(CognitoClaims.Groups).Select(c => c.Value).DefaultIfEmpty("none")));
        }
        return Task.CompletedTask;
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        // IdentityModel hides token contents in its messages (PII logging stays off): safe to log.
        logger.LogWarning("Sign-in refused: {Reason}", context.Exception.Message);
        return Task.CompletedTask;
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        logger.LogWarning("Sign-in failed: {Reason}", context.Failure?.Message ?? "unknown");
        context.Response.Redirect(AccountEndpoints.SignedOutPath + "?reason=" + AccountEndpoints.SignInFailedReason);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public override Task RedirectToIdentityProviderForSignOut(RedirectContext context)
    {
        // Cognito has no OIDC end-session endpoint: its /logout takes client_id and a registered logout_uri.
        var request = context.Request;
        var signedOut = $"{request.Scheme}://{request.Host}{request.PathBase}{AccountEndpoints.SignedOutPath}";
        var logout = options.CurrentValue.LogoutUrl(signedOut);
        context.Response.Redirect(logout ?? AccountEndpoints.SignedOutPath);
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
