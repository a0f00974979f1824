using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using Dashboard.Web.Findings.Workflow;
using Dashboard.Web.Tests.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Workflow;

/// <summary>
/// The workflow service with its real dependencies (policies, cache on a migrated temp SQLite file,
/// store, write gate) and a fake Security Hub gateway. Deletes its database on dispose.
/// </summary>
internal sealed class WorkflowTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDashboardServices _host;
    private readonly AsyncServiceScope _scope;

    private WorkflowTestHost(TempDashboardServices host, FakeWorkflowGateway gateway)
    {
        _host = host;
        _scope = host.Provider.CreateAsyncScope();
        Gateway = gateway;
    }

    public FakeWorkflowGateway Gateway { get; }
    public WorkflowLog Log => _host.Log;
    public FindingWorkflowService Service => _scope.ServiceProvider.GetRequiredService<FindingWorkflowService>();
    public FindingQueries Findings => _host.Provider.GetRequiredService<FindingQueries>();
    public FindingWorkflowQueries Workflow => _host.Provider.GetRequiredService<FindingWorkflowQueries>();
    public FixedTimeProvider Clock => (FixedTimeProvider)_host.Provider.GetRequiredService<TimeProvider>();

    public static async Task<WorkflowTestHost> CreateAsync(params FindingRecord[] seed)
    {
        var gateway = new FakeWorkflowGateway();
        var host = await TempDashboardServices.CreateAsync("workflow", Now, services =>
        {
            services.AddSingleton<IWorkflowUpdateGateway>(gateway);
            services.AddFindingWorkflow();
        });
        if (seed.Length > 0) await host.Provider.GetRequiredService<FindingStore>().UpsertAsync(seed, TestContext.Current.CancellationToken);
        return new WorkflowTestHost(host, gateway);
    }

    public async Task<FindingDetail> DetailAsync(FindingRecord finding)
        => (await Findings.GetDetailAsync(finding.Id, finding.ProductArn, TestContext.Current.CancellationToken))!;

    public static FindingKey Key(FindingRecord finding) => new(finding.Id, finding.ProductArn);

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }
}
