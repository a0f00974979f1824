using Dashboard.StandIn.UserPool;

namespace Dashboard.Aws.Tests.StandIn.UserPool;

/// <summary>One stand-in user pool per test class: the default (public) app client and demo users.</summary>
public class UserPoolFixture : IAsyncLifetime
{
    private StandInUserPool? pool;

    internal StandInUserPool Pool => pool ?? throw new InvalidOperationException("Not started.");

    /// <summary>The callback a relying party on loopback uses (any port is accepted by default).</summary>
    public const string Callback = "http://127.0.0.1:5123/signin-oidc";

    protected virtual StandInUserPoolOptions CreateOptions() => new();

    public async ValueTask InitializeAsync() =>
        pool = await StandInUserPool.StartAsync(CreateOptions(), cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (pool is not null)
        {
            await pool.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>A confidential app client with exact callback and sign-out lists and no loopback leniency.</summary>
public sealed class ConfidentialUserPoolFixture : UserPoolFixture
{
    public const string Secret = "s3cr3t-stand-in-client-secret-0123456789";
    public const string ExactCallback = "https://dashboard.example.com/signin-oidc";
    public const string ExactSignOut = "https://dashboard.example.com/signed-out";

    protected override StandInUserPoolOptions CreateOptions() => new()
    {
        Region = "eu-west-1",
        UserPoolId = "eu-west-1_TestPool42",
        ClientId = "confidential-client",
        ClientSecret = Secret,
        RedirectUris = [ExactCallback],
        SignOutUris = [ExactSignOut],
        AllowLoopbackRedirects = false,
    };
}
