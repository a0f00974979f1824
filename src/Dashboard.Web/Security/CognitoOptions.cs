namespace Dashboard.Web.Security;

/// <summary>
/// The Amazon Cognito User Pool users sign in with (section "Cognito"). Sign-in is standard OpenID
/// Connect against the pool; only logout is Cognito-specific (see <see cref="LogoutUrl"/>).
/// </summary>
public sealed class CognitoOptions
{
    public const string SectionName = "Cognito";

    /// <summary>The pool's Region, e.g. eu-west-1.</summary>
    public string? Region { get; set; }

    /// <summary>The pool id, e.g. eu-west-1_AbCdEf123.</summary>
    public string? UserPoolId { get; set; }

    /// <summary>The app client's id: the ID token's audience.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app client's secret, when the client has one (never logged or stored).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The managed-login domain: a host (auth.example.com, prefix.auth.eu-west-1.amazoncognito.com) or a
    /// full base URL. Cognito's logout lives there, not on the issuer.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>
    /// The issuer, when it is not Cognito's <c>https://cognito-idp.&lt;Region&gt;.amazonaws.com/&lt;UserPoolId&gt;</c>
    /// (the demo's stand-in pool, or a test provider).
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>False only for a loopback authority (the demo and tests); Cognito is always https.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Which Cognito groups give which application role.</summary>
    public CognitoGroupOptions Groups { get; set; } = new();

    /// <summary>A session ends after this long without a request (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A session ends this long after sign-in, however active (absolute).</summary>
    public TimeSpan MaxSessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often an open Blazor circuit re-checks its session.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>True when a User Pool (or another OpenID provider) is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    public string EffectiveAuthority =>
        !string.IsNullOrWhiteSpace(Authority)
            ? Authority.TrimEnd('/')
            : $"https://cognito-idp.{Region}.amazonaws.com/{UserPoolId}";

    /// <summary>The managed-login domain as a base URL (https unless a scheme is given).</summary>
    public Uri? DomainBaseUrl =>
        string.IsNullOrWhiteSpace(Domain) ? null
        : Uri.TryCreate(Domain.Contains("://", StringComparison.Ordinal) ? Domain : "https://" + Domain, UriKind.Absolute, out var uri)
            ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/")
            : null;

    /// <summary>
    /// Cognito's logout is not OIDC's end-session: <c>GET https://&lt;domain&gt;/logout?client_id=..&amp;logout_uri=..</c>,
    /// where logout_uri must be one of the app client's registered sign-out URLs.
    /// </summary>
    public string? LogoutUrl(string signedOutUri) =>
        DomainBaseUrl is { } domain
            ? $"{domain}logout?client_id={Uri.EscapeDataString(ClientId ?? "")}&logout_uri={Uri.EscapeDataString(signedOutUri)}"
            : null;
}

/// <summary>Cognito group names per application role; a user in several gets the highest role.</summary>
public sealed class CognitoGroupOptions
{
    // Empty rather than pre-filled: configuration binding appends to arrays that already have items.
    public string[] Admin { get; set; } = [];
    public string[] Analyst { get; set; } = [];
    public string[] Viewer { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultAdmin = ["dashboard-admins"];
    public static readonly IReadOnlyList<string> DefaultAnalyst = ["dashboard-analysts"];
    public static readonly IReadOnlyList<string> DefaultViewer = ["dashboard-viewers"];

    public IReadOnlyList<string> EffectiveAdmin => Admin is { Length: > 0 } ? Admin : DefaultAdmin;
    public IReadOnlyList<string> EffectiveAnalyst => Analyst is { Length: > 0 } ? Analyst : DefaultAnalyst;
    public IReadOnlyList<string> EffectiveViewer => Viewer is { Length: > 0 } ? Viewer : DefaultViewer;

    /// <summary>The highest role any of the groups maps to, or null when none does.</summary>
    public string? RoleFor(IEnumerable<string> groups)
    {
        var set = new HashSet<string>(groups, StringComparer.Ordinal);
        if (EffectiveAdmin.Any(set.Contains)) return DashboardRoles.Admin;
        if (EffectiveAnalyst.Any(set.Contains)) return DashboardRoles.Analyst;
        if (EffectiveViewer.Any(set.Contains)) return DashboardRoles.Viewer;
        return null;
    }
}
