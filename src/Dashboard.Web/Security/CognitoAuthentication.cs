using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Security;

/// <summary>
/// Sign-in with an Amazon Cognito User Pool over standard OpenID Connect (code flow + PKCE), a
/// server-revocable session cookie, roles from <c>cognito:groups</c>, and the authorization policies.
/// </summary>
public static class CognitoAuthentication
{
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    public static IServiceCollection AddDashboardAuthentication(this IServiceCollection services)
    {
        services.AddOptions<CognitoOptions>().BindConfiguration(CognitoOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CognitoOptions>, CognitoOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SessionRegistry>();
        services.TryAddSingleton<SessionCookieEvents>();
        services.TryAddSingleton<CognitoSignInEvents>();
        services.TryAddSingleton<ActionAuthorizer>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddOpenIdConnect();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<CognitoOptions>>(ConfigureCookie);
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IOptions<CognitoOptions>>(ConfigureOpenIdConnect);

        services.AddAuthorizationBuilder().AddDashboardPolicies();
        services.AddCascadingAuthenticationState();
        // After AddRazorComponents' own registration: the last one wins.
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingStateProvider>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            ProxyHeaders.Configure(options);
            ProxyHeaders.AddTrustedNetworks(options, configuration);
        });
        services.ClampSensitiveLogCategories();
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, IOptions<CognitoOptions> cognito)
    {
        // __Host-: only ever sent to this host over https, path /; never readable by scripts.
        options.Cookie.Name = "__Host-dashboard-session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.Path = "/";
        options.ExpireTimeSpan = cognito.Value.IdleTimeout;
        options.SlidingExpiration = true;
        options.AccessDeniedPath = "/no-access";
        options.EventsType = typeof(SessionCookieEvents);
    }

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions options, IOptions<CognitoOptions> cognitoOptions)
    {
        var cognito = cognitoOptions.Value;
        options.Authority = cognito.EffectiveAuthority;
        options.RequireHttpsMetadata = cognito.RequireHttpsMetadata;
        options.ClientId = cognito.ClientId;
        options.ClientSecret = string.IsNullOrEmpty(cognito.ClientSecret) ? null : cognito.ClientSecret;
        options.ResponseType = "code";
        options.ResponseMode = "query";
        options.UsePkce = true;
        options.Scope.Clear();
        foreach (var scope in new[] { "openid", "email", "profile" }) options.Scope.Add(scope);
        options.CallbackPath = CallbackPath;
        options.SignedOutCallbackPath = SignedOutCallbackPath;
        options.SignedOutRedirectUri = AccountEndpoints.SignedOutPath;
        // Claims stay as Cognito names them (cognito:groups, not a rewritten URI).
        options.MapInboundClaims = false;
        // The ID token is all the session needs: no access or refresh token is kept anywhere.
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.TokenValidationParameters.NameClaimType = CognitoClaims.Username;
        options.TokenValidationParameters.RoleClaimType = System.Security.Claims.ClaimTypes.Role;
        options.TokenValidationParameters.ValidIssuer = cognito.EffectiveAuthority;
        options.TokenValidationParameters.ValidAudience = cognito.ClientId;
        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.ValidateLifetime = true;
        options.TokenValidationParameters.ValidateIssuerSigningKey = true;
        options.TokenValidationParameters.RequireSignedTokens = true;
        options.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(2);
        options.ProtocolValidator.RequireNonce = true;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;
        options.EventsType = typeof(CognitoSignInEvents);
    }
}
