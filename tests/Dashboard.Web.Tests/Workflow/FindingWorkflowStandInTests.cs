using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Aws;
using Dashboard.Core.Findings;
using Dashboard.Data;
using Dashboard.Data.Database;
using Dashboard.Data.Findings;
using Dashboard.StandIn;
using Dashboard.Web.Findings.Workflow;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Workflow;

/// <summary>
/// The whole path with nothing faked but the clock: the service, the real Security Hub gateway and signed
/// client (AssumeRole into the finding's account), the stand-in's BatchUpdateFindings, and the cache.
/// </summary>
public sealed class FindingWorkflowStandInTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Anchor = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"dashboard-workflow-standin-{Guid.NewGuid():N}.db");
    private StandInServer _standIn = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _standIn = await StandInServer.StartAsync(
            new StandInOptions { Findings = 120, Accounts = 3, Regions = ["us-east-1"], Anchor = Anchor, TimeProvider = new FixedTimeProvider(Anchor.AddHours(2)) },
            cancellationToken: Ct);
        var url = _standIn.BaseUrl.ToString().TrimEnd('/');
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Regions:0"] = "us-east-1",
            ["Aws:ServiceUrls:SecurityHub"] = url,
            ["Aws:ServiceUrls:Sts"] = url,
            ["Aws:ServiceUrls:Iam"] = url,
            ["Aws:ServiceUrls:Organizations"] = url,
            // A plain key is the stand-in's management account; other accounts are reached by AssumeRole.
            ["Aws:DemoAccessKeyId"] = "AKIAWORKFLOWTEST",
            ["Aws:DemoSecretAccessKey"] = "demo-secret",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(WorkflowTestHost.Now));
        services.AddDashboardData(_databasePath);
        services.AddDashboardAws(configuration);
        services.AddAuthorizationBuilder().AddDashboardPolicies();
        services.AddFindingWorkflow();
        _services = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(_services, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _standIn.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_databasePath + suffix); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task UpdateAsync_MemberAccountFindingAndOneAwsNoLongerHas_UpdatesAwsAndTheCacheForTheFirstOnly()
    {
        // Arrange: a member account's finding as the sync would have cached it, and one AWS has since deleted.
        var summary = _standIn.Data.GetSummaries().First(s => s.AwsAccountId != _standIn.Data.Organization.ManagementAccountId && s.WorkflowStatus != "RESOLVED");
        var cached = Parse(_standIn.Data.GetFindingJson(summary.Index));
        var deleted = cached with { Id = cached.Id + "-deleted" };
        await _services.GetRequiredService<FindingStore>().UpsertAsync([cached, deleted], Ct);
        await using var scope = _services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<FindingWorkflowService>();

        // Act
        var result = await service.UpdateAsync(
            WorkflowUsers.Analyst, [new FindingKey(cached.Id, cached.ProductArn), new FindingKey(deleted.Id, deleted.ProductArn)], "RESOLVED", "Fixed <in> change 42", Ct);

        // Assert
        Assert.Equal(WorkflowUpdateOutcome.PartiallyUpdated, result.Outcome);
        Assert.Contains("FindingNotFound", Assert.Single(result.Failures).Reason);
        var inAws = JsonNode.Parse(_standIn.Data.GetFindingJson(summary.Index))!;
        Assert.Equal("RESOLVED", inAws["Workflow"]!["Status"]!.GetValue<string>());
        Assert.Equal("Fixed <in> change 42", inAws["Note"]!["Text"]!.GetValue<string>());
        Assert.Equal("demo-analyst", inAws["Note"]!["UpdatedBy"]!.GetValue<string>());
        Assert.Equal(summary.UpdatedAt, _standIn.Data.GetSummary(summary.Index).UpdatedAt);

        var queries = _services.GetRequiredService<FindingQueries>();
        Assert.Equal("RESOLVED", (await queries.GetDetailAsync(cached.Id, cached.ProductArn, Ct))!.Row.WorkflowStatus);
        Assert.Equal(cached.WorkflowStatus, (await queries.GetDetailAsync(deleted.Id, deleted.ProductArn, Ct))!.Row.WorkflowStatus);
        Assert.Single(await _services.GetRequiredService<FindingWorkflowQueries>().GetHistoryAsync(new FindingKey(cached.Id, cached.ProductArn), ct: Ct));
    }

    private static FindingRecord Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return AsffFindingParser.Parse(document.RootElement).Record ?? throw new InvalidOperationException("The stand-in served a finding the parser rejects.");
    }
}
