using Dashboard.Core.Organizations.Guardrails;
using Dashboard.Data.Organizations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Organizations;

/// <summary>The Organizations pages' services: one call from the host.</summary>
public static class OrganizationUiServiceCollectionExtensions
{
    public static IServiceCollection AddDashboardOrganizationUi(this IServiceCollection services)
    {
        // Bound once: the binder appends to lists, so a second BindConfiguration would double AllowedRegions.
        if (!services.Any(d => d.ServiceType == typeof(GuardrailMatrixCache)))
        {
            services.AddOptions<GuardrailOptions>()
                .BindConfiguration(GuardrailOptions.SectionName)
                .PostConfigure<IConfiguration>(GuardrailOptionsDefaults.Apply);
        }

        // TryAdd throughout: tests put fake data sources in first; the Data layer may register its queries itself.
        services.TryAddSingleton<OrganizationQueries>();
        services.TryAddSingleton<IOrganizationDataSource, OrganizationQueriesDataSource>();
        services.TryAddSingleton<GuardrailDefinitionSource>();
        services.TryAddSingleton<GuardrailMatrixCache>();
        services.TryAddTransient<OrganizationPageLoader>();
        return services;
    }
}
