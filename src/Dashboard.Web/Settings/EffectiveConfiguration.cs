using System.Globalization;
using Dashboard.Aws;
using Dashboard.Aws.Organizations;
using Dashboard.Web.Hosting;
using Dashboard.Web.Security;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Settings;

/// <summary>One read-only line of the Admin page's configuration panel.</summary>
public sealed record ConfigurationEntry(string Section, string Key, string Value);

/// <summary>
/// The effective non-secret configuration, for the Admin page. An allow-list: only the keys named here
/// are shown, so a secret added to an options class later never appears by accident. Secrets and
/// credentials (the Cognito client secret, the external id, the demo keys) are never read into it; at
/// most whether one is set.
/// </summary>
public sealed class EffectiveConfiguration(
    IOptionsMonitor<AwsOptions> aws,
    IOptionsMonitor<OrganizationsOptions> organizations,
    IOptions<DashboardOptions> dashboard,
    IOptions<CognitoOptions> cognito)
{
    public const string NotShown = "set (never shown)";

    public IReadOnlyList<ConfigurationEntry> Entries()
    {
        var a = aws.CurrentValue;
        var o = organizations.CurrentValue;
        var d = dashboard.Value;
        var c = cognito.Value;
        const string Aws = "AWS", Orgs = "Organizations", Sync = "Sync", SignIn = "Sign-in (Cognito)";
        return
        [
            new(Aws, "Regions", List(a.Regions)),
            new(Aws, "Aggregation Region", Text(a.AggregationRegion, "none: findings are read in every Region")),
            new(Aws, "Findings read in", List(a.FindingsRegions)),
            new(Aws, "Role assumed in each account", a.RoleName),
            new(Aws, "Accounts configured (Aws:Accounts)", a.Accounts.Count.ToString(CultureInfo.InvariantCulture)),
            new(Aws, "External id", string.IsNullOrEmpty(a.ExternalId) ? "not set" : NotShown),
            new(Aws, "Credentials", string.IsNullOrWhiteSpace(a.Profile) ? "the SDK's default chain" : $"profile \"{a.Profile}\""),
            new(Aws, "Concurrent account-Regions", a.MaxConcurrency.ToString(CultureInfo.InvariantCulture)),
            new(Aws, "Retries per request", a.MaxErrorRetry.ToString(CultureInfo.InvariantCulture)),
            new(Orgs, "Read the organization", OnOff(o.Enabled)),
            new(Orgs, "Account discovery", OnOff(o.DiscoverAccounts)),
            new(Orgs, "Read RCPs", OnOff(o.IncludeResourceControlPolicies)),
            new(Sync, "Configured schedule (Dashboard:SyncSchedule)", Text(d.SyncSchedule, "off")),
            new(Sync, "Read IAM at every sync", OnOff(d.SyncIam)),
            new(Sync, "Full refresh every", d.FullRefreshInterval.ToString("c", CultureInfo.InvariantCulture)),
            new(Sync, "Demo mode", OnOff(d.Demo)),
            new(SignIn, "Issuer", c.IsConfigured ? WithoutUserInfo(c.EffectiveAuthority) : "not configured"),
            new(SignIn, "App client id", Text(c.ClientId, "not set")),
            new(SignIn, "Client secret", string.IsNullOrEmpty(c.ClientSecret) ? "not set" : NotShown),
            new(SignIn, "Managed-login domain", c.DomainBaseUrl is { } domain ? WithoutUserInfo(domain.ToString()) : "not set"),
            new(SignIn, "Admin ← groups", List(c.Groups.EffectiveAdmin)),
            new(SignIn, "Analyst ← groups", List(c.Groups.EffectiveAnalyst)),
            new(SignIn, "Viewer ← groups", List(c.Groups.EffectiveViewer)),
            new(SignIn, "Idle timeout", c.IdleTimeout.ToString("c", CultureInfo.InvariantCulture)),
            new(SignIn, "Longest session", c.MaxSessionLifetime.ToString("c", CultureInfo.InvariantCulture)),
        ];
    }

    private static string List(IEnumerable<string> values)
    {
        var text = string.Join(", ", values.Where(v => !string.IsNullOrWhiteSpace(v)));
        return text.Length == 0 ? "none" : text;
    }

    private static string Text(string? value, string whenEmpty) => string.IsNullOrWhiteSpace(value) ? whenEmpty : value;

    /// <summary>A URL as shown: without any user:password@ someone may have put in it.</summary>
    private static string WithoutUserInfo(string url)
        => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : url;

    private static string OnOff(bool value) => value ? "on" : "off";
}
