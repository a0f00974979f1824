namespace Dashboard.Web.Tests.Security.Tokens;

/// <summary>A fresh host per test (its log holds that test's sign-in only), and the checks every sign-in test shares.</summary>
public abstract class SignInTest : IAsyncLifetime
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected SignInHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Host = await SignInHost.StartAsync(Ct);

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return Host.DisposeAsync();
    }

    /// <summary>Signs in with an ID token the pool issues from <paramref name="issue"/>(nonce, access token).</summary>
    protected Task<SignInAttempt> SignInWith(Func<string, string, string> issue) => Host.SignInAsync(issue, Ct);

    /// <summary>Signs in with a valid ID token for a user in <paramref name="groups"/>.</summary>
    protected Task<SignInAttempt> SignInInGroups(params string[] groups) =>
        SignInWith((nonce, accessToken) => Host.Pool.Issue(TestUserPool.IdTokenClaims(nonce, accessToken, groups)));

    protected void AssertNoSecretsInLogs(SignInAttempt attempt)
    {
        var entries = Host.Logs.Entries;
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            foreach (var secret in attempt.Secrets)
            {
                Assert.False(entry.FullText.Contains(secret, StringComparison.Ordinal),
                    $"a token or code appeared in the log ({entry.Category}, {entry.Level}): {entry.Message}");
            }
        }
    }
}
