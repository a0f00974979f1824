using Dashboard.Aws.Iam;
using Dashboard.Aws.Tests.Client;
using Dashboard.Aws.Tests.StandIn;
using Dashboard.StandIn;
using Dashboard.StandIn.Data;
using Dashboard.StandIn.Iam;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Aws.Tests.Iam;

/// <summary>
/// A stand-in and the real Dashboard.Aws DI graph (AddDashboardAws + AddDashboardAwsIam) pointed at it,
/// sharing one hand-moved clock. The demo keys act as the management account; other accounts are read
/// through AssumeRole, as in a real organization.
/// </summary>
internal sealed class IamTestHost : IAsyncDisposable
{
    private IamTestHost(StandInServer server, ServiceProvider services, ManualTimeProvider clock, StandInOptions options)
    {
        Server = server;
        Services = services;
        Clock = clock;
        Expected = new IamStandInData(StandInDataSet.Create(options), options);
    }

    public StandInServer Server { get; }

    public ServiceProvider Services { get; }

    public ManualTimeProvider Clock { get; }

    /// <summary>The same IAM the server serves (same seed), for expected values.</summary>
    public IamStandInData Expected { get; }

    public IamCollector Collector => Services.GetRequiredService<IamCollector>();

    public IReadOnlyList<StandInAccount> Accounts => Server.Data.Organization.Accounts;

    public static async Task<IamTestHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        var clock = new ManualTimeProvider(StandInFixture.Anchor.AddHours(6));
        var options = new StandInOptions { Findings = 0, Anchor = StandInFixture.Anchor, TimeProvider = clock };
        var server = await StandInServer.StartAsync(options, cancellationToken: StandInClient.Ct);
        var url = server.BaseUrl.ToString().TrimEnd('/');
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Regions:0"] = "us-east-1",
            ["Aws:ServiceUrls:SecurityHub"] = url,
            ["Aws:ServiceUrls:Sts"] = url,
            ["Aws:ServiceUrls:Iam"] = url,
            ["Aws:ServiceUrls:Organizations"] = url,
            ["Aws:DemoAccessKeyId"] = "AKIADEMOEXAMPLE",
            ["Aws:DemoSecretAccessKey"] = "demo-secret",
            ["Aws:Iam:CredentialReportFirstPoll"] = "00:00:00.010",
            ["Aws:Iam:CredentialReportMaxPoll"] = "00:00:00.020",
        }).AddInMemoryCollection(settings ?? []).Build();

        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddDashboardAws(configuration);
        services.AddDashboardAwsIam();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new IamTestHost(server, provider, clock, options);
    }

    /// <summary>An account of the organization (not the management account) matching <paramref name="predicate"/>.</summary>
    public StandInAccount Member(Func<IamAccount, bool> predicate) =>
        Accounts.Skip(1).First(a => predicate(Expected.For(a.Id)!));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
