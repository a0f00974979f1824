using System.Net;
using System.Text.Json;
using Dashboard.Core.Findings;
using Dashboard.Data;
using Dashboard.Data.Database;
using Dashboard.Data.Findings;
using Dashboard.Web.Findings;
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
        _app = builder.Build();
        _app.MapFindingExport();
        await DatabaseMigrator.MigrateAsync(_app.Services, TestContext.Current.CancellationToken);
        await _app.Services.GetRequiredService<FindingStore>().UpsertAsync(
        [
            TestFindings.Record("e-1", "=cmd()", Severity.Critical),
            TestFindings.Record("e-2", "Low one", Severity.Low),
        ], TestContext.Current.CancellationToken);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = _app.GetTestClient();
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
