using Dashboard.Data.Iam;
using Dashboard.Data.Organizations;
using Dashboard.Web.Organizations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Iam;

/// <summary>The IAM pages' services: one call from the host (the pages themselves are found by routing).</summary>
public static class IamUiServiceCollectionExtensions
{
    public static IServiceCollection AddDashboardIamUi(this IServiceCollection services)
    {
        // TryAdd throughout: tests put fake data sources in first; the Data layer may register its queries itself.
        services.TryAddSingleton<IamQueries>();
        services.TryAddSingleton<OrganizationQueries>();
        services.TryAddSingleton<IIamDataSource, IamQueriesDataSource>();
        services.TryAddSingleton<IOrganizationDataSource, OrganizationQueriesDataSource>();
        services.TryAddSingleton(TimeProvider.System);
        // The re-check Regions read the guardrail and AWS settings (defaults when unbound).
        services.AddOptions();
        services.TryAddSingleton<IamRegionCandidates>();
        services.TryAddTransient<IamPageLoader>();
        return services;
    }
}
