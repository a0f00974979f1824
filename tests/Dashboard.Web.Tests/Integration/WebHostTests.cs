using System.Net;
using Dashboard.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Integration;

public sealed class WebHostTests : IClassFixture<DashboardWebFactory>
{
    private readonly DashboardWebFactory _factory;

    public WebHostTests(DashboardWebFactory factory) => _factory = factory;

    [Fact]
    public void Startup_TestSettings_ReachTheOptionsBeforeBuild()
    {
        var options = _factory.Services.GetRequiredService<IOptions<DashboardOptions>>().Value;

        Assert.True(options.Demo);
        Assert.Equal(Path.GetFullPath(_factory.DataPath), options.DataDirectory);
    }

    [Fact]
    public async Task Get_HealthCheck_ReturnsHealthyWithoutSignIn()
    {
        using var client = DemoSignIn.AnonymousClient(_factory);

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/", "Overview")]
    [InlineData("/findings", "Findings")]
    [InlineData("/sync", "Sync")]
    public async Task Get_Page_SignedIn_RendersWithTheDemoBannerAndTheUser(string path, string heading)
    {
        using var client = await DemoSignIn.SignedInClientAsync(_factory, "demo-viewer", path);

        var html = await client.GetStringAsync(path, TestContext.Current.CancellationToken);

        Assert.Contains(heading, html);
        Assert.Contains("data-testid=\"demo-banner\"", html);
        Assert.Contains("demo-viewer", html);
    }

    [Fact]
    public async Task Get_CsvExport_AsAnalyst_IsAnAttachment()
    {
        using var client = await DemoSignIn.SignedInClientAsync(_factory, "demo-analyst");

        var response = await client.GetAsync("/findings/export.csv?severity=CRITICAL", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("Id,ProductArn", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Get_CsvExport_AsViewer_IsForbidden()
    {
        using var client = await DemoSignIn.SignedInClientAsync(_factory, "demo-viewer");

        var response = await client.GetAsync("/findings/export.csv", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_ExportWithCraftedQuery_IsRefusedWithAReason()
    {
        using var client = await DemoSignIn.SignedInClientAsync(_factory, "demo-analyst");
        var hostile = "/findings/export.json?severity=" + new string('X', 5000) + "&sort=%00%3Cscript%3E";

        var response = await client.GetAsync(hostile, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // A JSON problem (never HTML), so echoed input cannot become markup; it names what to fix.
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("sort: unknown field", body);
        Assert.Contains("severity: ", body);
    }
}
