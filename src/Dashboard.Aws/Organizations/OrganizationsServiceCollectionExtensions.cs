using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Organizations;

public static class OrganizationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Organizations client and the collector, with
    /// <see cref="OrganizationsOptions"/> bound from <c>Aws:Organizations</c> when an IConfiguration is
    /// registered (validated at start). Needs <c>AddDashboardAws</c> for credentials and endpoints.
    /// </summary>
    public static IServiceCollection AddDashboardAwsOrganizations(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OrganizationsOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(OrganizationsOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrganizationsOptions>, OrganizationsOptionsValidator>());
        services.TryAddSingleton<OrganizationsClient>();
        services.TryAddSingleton<OrganizationCollector>();
        return services;
    }
}
