using Dashboard.StandIn;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Demo mode: on when <c>Dashboard:Demo</c> is true, or when it is not set and no AWS account is
/// configured (README's first command needs no configuration). The stand-in is started on 127.0.0.1
/// and the real clients are configured to use it; it is never started when real AWS is configured.
/// </summary>
public static class DemoMode
{
    public static bool IsOn(IConfiguration configuration)
    {
        var explicitSetting = configuration[$"{DashboardOptions.SectionName}:Demo"];
        if (bool.TryParse(explicitSetting, out var demo)) return demo;
        return !configuration.GetSection("Aws:Accounts").GetChildren().Any();
    }

    public static async Task<StandInServer> StartStandInAsync(IConfigurationManager configuration, CancellationToken ct)
    {
        var standInOptions = new StandInOptions();
        configuration.GetSection("StandIn").Bind(standInOptions);
        standInOptions.Port = 0;
        var server = await StandInServer.StartAsync(standInOptions, loggerFactory: null, ct);

        var url = server.BaseUrl.ToString().TrimEnd('/');
        var settings = new Dictionary<string, string?>
        {
            ["Aws:ServiceUrls:SecurityHub"] = url,
            ["Aws:ServiceUrls:Sts"] = url,
            ["Aws:ServiceUrls:Iam"] = url,
            ["Aws:ServiceUrls:Organizations"] = url,
            // Demo credentials for the stand-in only; they open nothing anywhere else.
            ["Aws:DemoAccessKeyId"] = "AKIADEMOSTANDIN00001",
            ["Aws:DemoSecretAccessKey"] = "demo-secret-for-the-local-stand-in",
        };
        var accounts = server.Data.Organization.Accounts;
        for (var i = 0; i < accounts.Count; i++)
        {
            settings[$"Aws:Accounts:{i}:AccountId"] = accounts[i].Id;
            settings[$"Aws:Accounts:{i}:Name"] = accounts[i].Name;
        }
        var regions = server.Data.Regions;
        for (var i = 0; i < regions.Count; i++) settings[$"Aws:Regions:{i}"] = regions[i];
        configuration.AddInMemoryCollection(settings);
        return server;
    }
}
