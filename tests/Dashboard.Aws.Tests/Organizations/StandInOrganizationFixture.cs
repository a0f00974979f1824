using Dashboard.Aws.Organizations;
using Dashboard.Aws.Tests.StandIn;
using Dashboard.Core.Organizations;
using Dashboard.StandIn;
using Dashboard.StandIn.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Aws.Tests.Organizations;

/// <summary>A default stand-in (seed 42, 12 accounts) shared by the read-only Organizations tests, and its organization tree.</summary>
public sealed class StandInOrganizationFixture : IAsyncLifetime
{
    private StandInServer? server;
    private Task<OrganizationSnapshot>? snapshot;

    internal StandInServer Server => server ?? throw new InvalidOperationException("Not started.");

    /// <summary>The tree the server serves: the generator is deterministic, so building it again gives the same one.</summary>
    internal OrganizationTree Tree { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        server = await StandInServer.StartAsync(StandInFixture.Options(findings: 0), cancellationToken: TestContext.Current.CancellationToken);
        Tree = GeneratedOrganization.Build(server.Data.Organization, server.Data.Seed);
    }

    /// <summary>The organization as the collector reads it with the management account's credentials (read once).</summary>
    internal Task<OrganizationSnapshot> SnapshotAsync() => snapshot ??= CollectAsync();

    private async Task<OrganizationSnapshot> CollectAsync()
    {
        await using var services = OrganizationsTestServices.Build(Server.BaseUrl.ToString().TrimEnd('/'));
        return await services.GetRequiredService<OrganizationCollector>().CollectAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
    }
}
