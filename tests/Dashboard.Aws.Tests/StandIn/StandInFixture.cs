using Dashboard.StandIn;

namespace Dashboard.Aws.Tests.StandIn;

/// <summary>A stand-in with default options (seed 42, 12 accounts, 3 Regions, 3000 findings) shared by read-only tests.</summary>
public sealed class StandInFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Anchor = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private StandInServer? server;

    internal StandInServer Server => server ?? throw new InvalidOperationException("Not started.");

    internal StandInClient Client { get; private set; } = null!;

    public static StandInOptions Options(int findings = 3000) => new()
    {
        Findings = findings,
        Anchor = Anchor,
        TimeProvider = new FixedTimeProvider(Anchor.AddHours(6)),
    };

    public async ValueTask InitializeAsync()
    {
        server = await StandInServer.StartAsync(Options(), cancellationToken: TestContext.Current.CancellationToken);
        Client = new StandInClient(server.BaseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>A clock that stands still, so DateRange filters and credential expiry are predictable.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    // The stand-in's rate limiter measures with timestamps: they stand still too, or a slow machine
    // would refill tokens while a test counts them.
    public override long GetTimestamp() => 0;
}
