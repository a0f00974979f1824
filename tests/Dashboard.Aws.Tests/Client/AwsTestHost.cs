using Dashboard.Aws.SecurityHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Aws.Tests.Client;

/// <summary>
/// The real DI graph of Dashboard.Aws pointed at a <see cref="FakeAwsServer"/> that answers STS itself and
/// passes Security Hub calls to the test's handler. Ambient credentials are the demo keys (loopback only);
/// they belong to <see cref="AmbientAccount"/>.
/// </summary>
internal sealed class AwsTestHost : IAsyncDisposable
{
    public const string AmbientAccount = "111111111111";
    public const string MemberAccount = "222222222222";
    public const string AssumedAccessKeyId = "ASIAASSUMEDEXAMPLE";
    public const string AssumedSessionToken = "assumed-session-token";

    private AwsTestHost(FakeAwsServer server, ServiceProvider services)
    {
        Server = server;
        Services = services;
    }

    public FakeAwsServer Server { get; }

    public ServiceProvider Services { get; }

    public Func<RecordedRequest, FakeResponse> SecurityHub { get; set; } = _ => FakeResponse.Json("""{"Findings":[]}""");

    public SecurityHubFindingsCollector Collector => Services.GetRequiredService<SecurityHubFindingsCollector>();

    public IEnumerable<RecordedRequest> SecurityHubRequests => Server.Requests.Where(r => r.Path == "/findings");

    public static async Task<AwsTestHost> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        var server = await FakeAwsServer.StartAsync();
        var url = server.ServiceUrl;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Accounts:0:AccountId"] = AmbientAccount,
            ["Aws:Accounts:1:AccountId"] = MemberAccount,
            ["Aws:Regions:0"] = "eu-west-1",
            ["Aws:ServiceUrls:SecurityHub"] = url,
            ["Aws:ServiceUrls:Sts"] = url,
            ["Aws:ServiceUrls:Iam"] = url,
            ["Aws:ServiceUrls:Organizations"] = url,
            ["Aws:DemoAccessKeyId"] = "AKIADEMOEXAMPLE",
            ["Aws:DemoSecretAccessKey"] = "demo-secret",
            ["Aws:ExternalId"] = "dashboard-ext-id",
        }).AddInMemoryCollection(settings ?? []).Build();

        var services = new ServiceCollection().AddLogging();
        configure?.Invoke(services);
        services.AddDashboardAws(configuration);
        var host = new AwsTestHost(server, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
        server.Handler = host.Route;
        return host;
    }

    private FakeResponse Route(RecordedRequest request)
    {
        if (request.Path == "/findings") return SecurityHub(request);
        var form = request.Form();
        return form.GetValueOrDefault("Action") switch
        {
            "GetCallerIdentity" => FakeResponse.Xml(StsXml.GetCallerIdentity(AmbientAccount, $"arn:aws:iam::{AmbientAccount}:user/demo")),
            "AssumeRole" => FakeResponse.Xml(StsXml.AssumeRole(AssumedAccessKeyId, "assumed-secret", AssumedSessionToken, DateTimeOffset.UtcNow.AddHours(1), form["RoleArn"])),
            _ => FakeResponse.Xml("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>Unknown action</Message></Error></ErrorResponse>", 400),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
