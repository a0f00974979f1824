using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Framework log categories that write secrets below Warning: request lines carry the full query
/// string (Cognito returns the authorization code in it, response_mode=query), and the OIDC handler's
/// Trace messages echo the whole protocol message. However logging is configured — appsettings,
/// environment, a provider-specific level — these categories never log below Warning.
/// </summary>
public static class SensitiveLogging
{
    public static readonly IReadOnlyList<string> Categories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Authentication.OpenIdConnect",
    ];

    public static IServiceCollection ClampSensitiveLogCategories(this IServiceCollection services)
    {
        services.PostConfigure<LoggerFilterOptions>(options =>
        {
            // A provider-specific rule outranks any generic one, so clamp for every provider named in
            // the rules as well as for all providers.
            var providers = options.Rules.Select(r => r.ProviderName).Distinct().ToList();
            foreach (var category in Categories)
            {
                foreach (var provider in providers.Append(null).Distinct())
                {
                    options.Rules.Add(new LoggerFilterRule(provider, category, LogLevel.Warning, filter: null));
                }
            }
        });
        return services;
    }
}
