using Dashboard.Aws.Client;
using Dashboard.Aws.Credentials;
using Dashboard.Aws.SecurityHub;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Aws;

public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>Aws</c> options (validated at start), the credentials, the signed clients and the
    /// Security Hub collector. Everything a test may replace (TimeProvider, STS, ambient credentials) is TryAdd.
    /// </summary>
    public static IServiceCollection AddDashboardAws(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AwsOptions>()
            .Bind(configuration.GetSection(AwsOptions.SectionName))
            .PostConfigure(FillRegionsFromEnvironment)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAmbientCredentials, AmbientCredentials>();
        services.TryAddSingleton<IStsGateway, StsGateway>();
        services.TryAddSingleton<AccountCredentialsProvider>();
        services.TryAddSingleton<AwsClientFactory>();
        services.TryAddSingleton<FindingsRateLimiter>();
        services.TryAddSingleton<SecurityHubClient>();
        services.TryAddSingleton<SecurityHubFindingsCollector>();
        return services;
    }

    // Like the AWS CLI: with no Region configured, AWS_REGION (then AWS_DEFAULT_REGION) decides.
    private static void FillRegionsFromEnvironment(AwsOptions options)
    {
        if (options.Regions.Count > 0 || !string.IsNullOrWhiteSpace(options.AggregationRegion)) return;
        var region = Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } r ? r : Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        if (!string.IsNullOrWhiteSpace(region)) options.Regions.Add(region.Trim());
    }
}
