using System.Text.RegularExpressions;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// The local fake of a Cognito User Pool's OpenID Connect side: one app client and a few demo users.
/// Bindable from configuration section "StandIn:UserPool".
/// </summary>
public sealed partial class StandInUserPoolOptions
{
    public const string SectionName = "StandIn:UserPool";

    /// <summary>TCP port on 127.0.0.1; 0 picks any free port.</summary>
    public int Port { get; set; }

    public string Region { get; set; } = "us-east-1";

    /// <summary>Cognito's shape: <c>&lt;Region&gt;_&lt;letters and digits&gt;</c>; it is the issuer's path.</summary>
    public string UserPoolId { get; set; } = "us-east-1_DEMOPOOL1";

    /// <summary>The app client's id: the ID token's audience.</summary>
    public string ClientId { get; set; } = "dashboard-demo-client";

    /// <summary>
    /// When set the app client is confidential: the token endpoint demands this secret
    /// (client_secret_basic or client_secret_post). When empty the client is public.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>The app client's callback URLs, compared exactly (as Cognito does).</summary>
    public string[] RedirectUris { get; set; } = [];

    /// <summary>The app client's sign-out URLs for <c>/logout?logout_uri=</c>, compared exactly.</summary>
    public string[] SignOutUris { get; set; } = [];

    /// <summary>
    /// Also accept any http(s) loopback URL (127.0.0.1, localhost, [::1], any port) whose path ends in
    /// /signin-oidc as a callback, and any loopback URL as a sign-out URL: the demo dashboard's port is
    /// only known once it has started. Real Cognito has no such rule.
    /// </summary>
    public bool AllowLoopbackRedirects { get; set; } = true;

    /// <summary>Users offered on the sign-in page; empty means <see cref="DefaultUsers"/>.</summary>
    // Empty rather than pre-filled: configuration binding appends to a list that already has items.
    public List<StandInUserPoolUser> Users { get; set; } = [];

    /// <summary>One demo user per application role, and one signed in but in no mapped group.</summary>
    public static IReadOnlyList<StandInUserPoolUser> DefaultUsers { get; } =
    [
        new() { Username = "demo-admin", Email = "demo-admin@example.com", Groups = ["dashboard-admins"] },
        new() { Username = "demo-analyst", Email = "demo-analyst@example.com", Groups = ["dashboard-analysts"] },
        new() { Username = "demo-viewer", Email = "demo-viewer@example.com", Groups = ["dashboard-viewers"] },
        new() { Username = "demo-outsider", Email = "demo-outsider@example.com", Groups = [] },
    ];

    /// <summary>The users in force: <see cref="Users"/>, or the defaults when none are given.</summary>
    public IReadOnlyList<StandInUserPoolUser> EffectiveUsers => Users is { Count: > 0 } ? Users : DefaultUsers;

    /// <summary>Lifetime of ID and access tokens; Cognito's default is one hour (allowed: 5 minutes to 1 day).</summary>
    public TimeSpan IdTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Remember a sign-in for an hour in a cookie, so a later authorize request skips the page as
    /// Cognito's managed login does; <c>/logout</c> forgets it and <c>prompt=login</c> ignores it.
    /// </summary>
    public bool RememberSignIn { get; set; } = true;

    /// <summary>The clock for token times and the remembered sign-in.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d$")]
    private static partial Regex RegionName();

    [GeneratedRegex(@"^[\w+-]{1,128}$")]
    private static partial Regex ClientIdShape();

    /// <summary>Every problem with these options, each naming the setting to fix; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add($"{SectionName}:Port must be between 0 and 65535 (was {Port}).");
        }

        if (Region is null || !RegionName().IsMatch(Region))
        {
            problems.Add($"{SectionName}:Region must be a Region name like us-east-1 (was '{Region}').");
        }
        else if (UserPoolId is null || !Regex.IsMatch(UserPoolId, "^" + Regex.Escape(Region) + "_[0-9A-Za-z]{1,50}$"))
        {
            problems.Add($"{SectionName}:UserPoolId must look like {Region}_AbCdEf123: its Region, an underscore, letters and digits (was '{UserPoolId}').");
        }

        if (ClientId is null || !ClientIdShape().IsMatch(ClientId))
        {
            problems.Add($"{SectionName}:ClientId must be 1 to 128 letters, digits, '_', '+' or '-'.");
        }

        if (ClientSecret is { Length: > 0 } secret && (secret.Length > 512 || secret.Any(char.IsWhiteSpace)))
        {
            problems.Add($"{SectionName}:ClientSecret must be at most 512 characters without spaces.");
        }

        AddUriProblems(problems, nameof(RedirectUris), RedirectUris);
        AddUriProblems(problems, nameof(SignOutUris), SignOutUris);
        if (!AllowLoopbackRedirects && (RedirectUris ?? []).Length == 0)
        {
            problems.Add($"{SectionName}:RedirectUris must list at least one callback URL when AllowLoopbackRedirects is false.");
        }

        AddUserProblems(problems);
        if (IdTokenLifetime < TimeSpan.FromMinutes(5) || IdTokenLifetime > TimeSpan.FromDays(1))
        {
            problems.Add($"{SectionName}:IdTokenLifetime must be between 00:05:00 and 1.00:00:00 (was {IdTokenLifetime}).");
        }

        if (TimeProvider is null)
        {
            problems.Add($"{SectionName}:TimeProvider must be set.");
        }

        return problems;
    }

    private static void AddUriProblems(List<string> problems, string name, string[]? uris)
    {
        foreach (var uri in uris ?? [])
        {
            if (!RedirectRules.IsWellFormed(uri))
            {
                problems.Add($"{SectionName}:{name} has '{uri}', which is not an absolute http(s) URL without a fragment.");
            }
        }
    }

    private void AddUserProblems(List<string> problems)
    {
        var users = EffectiveUsers;
        foreach (var user in users)
        {
            foreach (var problem in user.Validate())
            {
                problems.Add($"{SectionName}:Users: {problem}");
            }
        }

        // Cognito user names are case-insensitive by default: two that differ only in case are one user.
        var duplicates = users.Where(u => u?.Username is not null)
            .GroupBy(u => u.Username, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);
        foreach (var duplicate in duplicates)
        {
            problems.Add($"{SectionName}:Users has the user name '{duplicate}' more than once.");
        }

        if (users.Count > 50)
        {
            problems.Add($"{SectionName}:Users may list at most 50 users (the sign-in page shows them all).");
        }
    }

    /// <summary>Throws with every problem when the options are not valid.</summary>
    internal void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The stand-in User Pool options are not valid: " + string.Join(" ", problems));
        }
    }
}
