using Dashboard.Web.Security;
using Dashboard.Data.Findings;
using Dashboard.Web.Sync;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Findings.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Finding workflow updates: the service, its cache store and history queries, and the Security Hub
    /// gateway (TryAdd, so a test can put a fake gateway in first). Needs AddDashboardData, AddDashboardAws
    /// and the authorization policies.
    /// </summary>
    public static IServiceCollection AddFindingWorkflow(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CacheWriteGate>();
        services.TryAddSingleton<ActionAuthorizer>();
        services.TryAddSingleton<FindingWorkflowStore>();
        services.TryAddSingleton<FindingWorkflowQueries>();
        services.TryAddSingleton<IWorkflowUpdateGateway, SecurityHubWorkflowGateway>();
        // Scoped: it asks the authorization service, whose handlers may be scoped.
        services.TryAddScoped<FindingWorkflowService>();
        return services;
    }
}
