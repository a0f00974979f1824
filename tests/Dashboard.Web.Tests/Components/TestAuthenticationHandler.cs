using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// For endpoint tests that are not about sign-in: every request is the user named by the
/// <c>X-Test-User</c>/<c>X-Test-Role</c> headers (none: anonymous). The real policies then decide.
/// </summary>
public sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue("X-Test-User", out var user)) return Task.FromResult(AuthenticateResult.NoResult());
        var role = Request.Headers.TryGetValue("X-Test-Role", out var r) ? r.ToString() : null;
        var principal = TestAuthenticationStateProvider.SignedIn(user.ToString(), role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
