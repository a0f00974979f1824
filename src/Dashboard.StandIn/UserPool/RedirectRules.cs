namespace Dashboard.StandIn.UserPool;

/// <summary>
/// Which callback (redirect_uri) and sign-out (logout_uri) URLs the app client accepts: the configured
/// lists compared exactly, as Cognito compares them, plus loopback URLs when allowed (the demo
/// dashboard's port is only known once it runs).
/// </summary>
internal sealed class RedirectRules(StandInUserPoolOptions options)
{
    private const string CallbackPath = "/signin-oidc";

    private readonly HashSet<string> redirectUris = new(options.RedirectUris ?? [], StringComparer.Ordinal);
    private readonly HashSet<string> signOutUris = new(options.SignOutUris ?? [], StringComparer.Ordinal);

    public bool IsAllowedRedirect(string? uri) =>
        uri is not null && (redirectUris.Contains(uri)
            || (options.AllowLoopbackRedirects && IsLoopback(uri, out var parsed)
                && parsed.AbsolutePath.EndsWith(CallbackPath, StringComparison.Ordinal) && parsed.Query.Length == 0));

    public bool IsAllowedSignOut(string? uri) =>
        uri is not null && (signOutUris.Contains(uri) || (options.AllowLoopbackRedirects && IsLoopback(uri, out _)));

    /// <summary>An absolute http(s) URL with no user info and no fragment.</summary>
    public static bool IsWellFormed(string? uri) => TryParse(uri, out _);

    private static bool IsLoopback(string uri, out Uri parsed) =>
        TryParse(uri, out parsed) && parsed.Host is "127.0.0.1" or "localhost" or "[::1]";

    private static bool TryParse(string? uri, out Uri parsed)
    {
        parsed = null!;
        if (string.IsNullOrEmpty(uri) || uri.Length > 1024 || !Uri.TryCreate(uri, UriKind.Absolute, out var candidate))
        {
            return false;
        }

        parsed = candidate;
        return candidate.Scheme is "http" or "https" && candidate.UserInfo.Length == 0 && candidate.Fragment.Length == 0
            && !uri.Contains('#', StringComparison.Ordinal);
    }
}
