using System.Net;
using System.Text.Json;
using Dashboard.Core.Findings;
using Dashboard.Data;
using Dashboard.Data.Database;
using Dashboard.Data.Findings;
using Dashboard.Web.Findings;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Components;

/// <summary>The export endpoints over an in-memory test server (no socket) and a temp SQLite cache.</summary>
public sealed class FindingExportEndpointTests : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"dashboard-export-test-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(new DateTimeOffset(2024, 6, 1, 12, 30, 0, TimeSpan.Zero)));
        builder.Services.AddDashboardData(_databasePath);
        builder.Services.AddTransient<FindingExporter>();
        builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddDashboardPolicies();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapFindingExport();
        await DatabaseMigrator.MigrateAsync(_app.Services, TestContext.Current.CancellationToken);
        await _app.Services.GetRequiredService<FindingStore>().UpsertAsync(
        [
            TestFindings.Record("e-1", "=cmd()", Severity.Critical),
            TestFindings.Record("e-2", "Low one", Severity.Low),
        ], TestContext.Current.CancellationToken);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = _app.GetTestClient();
        _client.DefaultRequestHeaders.Add("X-Test-User", "demo-analyst");
        _client.DefaultRequestHeaders.Add("X-Test-Role", Dashboard.Web.Security.DashboardRoles.Analyst);
    }

    [Fact]
    public async Task GetCsv_WithFilter_ReturnsAnAttachmentOfMatchingRows()
    {
        var response = await _client.GetAsync("/findings/export.csv?severity=CRITICAL", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("findings-20240601-123000.csv", response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(",\"'=cmd()\",", lines[1]);
    }

    [Fact]
    public async Task GetJson_NoFilter_ReturnsEveryActiveFindingsOriginalJson()
    {
        var response = await _client.GetAsync("/findings/export.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var ids = document.RootElement.GetProperty("Findings").EnumerateArray().Select(f => f.GetProperty("Id").GetString()).Order().ToList();
        Assert.Equal(["e-1", "e-2"], ids);
        Assert.Equal("2018-10-08", document.RootElement.GetProperty("Findings")[0].GetProperty("SchemaVersion").GetString());
    }

    [Fact]
    public async Task GetCsv_MalformedFilter_Returns400NamingTheProblem()
    {
        var response = await _client.GetAsync("/findings/export.csv?severity=EXTREME", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("severity", body);
        Assert.Contains("EXTREME", body);
    }

    [Theory]
    [InlineData(DashboardRoles.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Forbidden)]
    [InlineData(DashboardRoles.Analyst, HttpStatusCode.OK)]
    [InlineData(DashboardRoles.Admin, HttpStatusCode.OK)]
    public async Task GetExport_ByRole_OnlyAnalystsAndAdminsGetIt(string? role, HttpStatusCode expected)
    {
        using var client = _app!.GetTestClient();
        client.DefaultRequestHeaders.Add("X-Test-User", "someone");
        if (role is not null) client.DefaultRequestHeaders.Add("X-Test-Role", role);

        var csv = await client.GetAsync("/findings/export.csv", TestContext.Current.CancellationToken);
        var json = await client.GetAsync("/findings/export.json", TestContext.Current.CancellationToken);

        Assert.Equal(expected, csv.StatusCode);
        Assert.Equal(expected, json.StatusCode);
    }

    [Fact]
    public async Task GetExport_Anonymous_IsRefused()
    {
        using var client = _app!.GetTestClient();

        var response = await client.GetAsync("/findings/export.csv", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_databasePath + suffix); } catch (IOException) { }
        }
    }
}
