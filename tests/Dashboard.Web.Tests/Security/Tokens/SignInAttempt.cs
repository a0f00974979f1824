namespace Dashboard.Web.Tests.Security.Tokens;

/// <summary>One pass through the sign-in, with everything a test may check afterwards.</summary>
public sealed record SignInAttempt(
    TestBrowser Browser,
    Uri Authorize,
    IReadOnlyDictionary<string, string> AuthorizeQuery,
    string Code,
    string IdToken,
    string AccessToken,
    HttpResponseMessage Callback) : IDisposable
{
    /// <summary>True when the callback's response set a non-empty session cookie.</summary>
    public bool SetSessionCookie =>
        Callback.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(SignInHost.SessionCookie + "=", StringComparison.Ordinal)
                            && !c.StartsWith(SignInHost.SessionCookie + "=;", StringComparison.Ordinal));

    /// <summary>What must never be logged: the code, the access token and each part of the ID token.</summary>
    public IEnumerable<string> Secrets => IdToken.Split('.').Where(p => p.Length > 0).Append(AccessToken).Append(Code);

    public void Dispose()
    {
        Callback.Dispose();
        Browser.Dispose();
    }
}
