using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws.Iam;

public static class IamServiceCollectionExtensions
{
    /// <summary>
    /// Registers the IAM collector and its options (section <c>Aws:Iam</c>, validated at start). Call it
    /// after <c>AddDashboardAws</c>, which provides the signed clients and credentials it uses.
    /// </summary>
    public static IServiceCollection AddDashboardAwsIam(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<IamCollectionOptions>()
            .Configure<IServiceProvider>((options, provider) =>
                provider.GetService<IConfiguration>()?.GetSection(IamCollectionOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IamCollectionOptions>, IamCollectionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IamClient>();
        services.TryAddSingleton<CredentialReportFetcher>();
        services.TryAddSingleton<IamCollector>();
        return services;
    }
}
