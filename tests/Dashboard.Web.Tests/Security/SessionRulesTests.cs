using System.Security.Claims;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Tests.Security.Tokens;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Tests.Security;

/// <summary>The server-side session (revocation, absolute lifetime), role mapping and the action check.</summary>
public sealed class SessionRulesTests
{
    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Session_PastItsMaximumLifetime_IsNoLongerActive()
    {
        var sessions = new SessionRegistry(_clock);
        var id = sessions.Start();

        Assert.True(sessions.IsActive(id, TimeSpan.FromHours(8)));
        _clock.Now += TimeSpan.FromHours(8);
        Assert.False(sessions.IsActive(id, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Session_Ended_IsNoLongerActive_AndUnknownIdsNeverAre()
    {
        var sessions = new SessionRegistry(_clock);
        var id = sessions.Start();

        sessions.End(id);

        Assert.False(sessions.IsActive(id, TimeSpan.FromHours(8)));
        Assert.False(sessions.IsActive("forged", TimeSpan.FromHours(8)));
        Assert.False(sessions.IsActive(null, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void OpenCircuit_SessionSignedOutElsewhereOrExpired_FailsRevalidation()
    {
        var sessions = new SessionRegistry(_clock);
        var options = new OptionsMonitorStub(new CognitoOptions { MaxSessionLifetime = TimeSpan.FromHours(1) });
        var provider = new SessionRevalidatingStateProvider(NullLoggerFactory.Instance, sessions, options);
        var first = UserWithSession(sessions.Start());
        var second = UserWithSession(sessions.Start());

        Assert.True(provider.IsSessionValid(first));
        sessions.End(first.FindFirst(CognitoClaims.Session)!.Value);
        _clock.Now += TimeSpan.FromMinutes(61);

        Assert.False(provider.IsSessionValid(first));
        Assert.False(provider.IsSessionValid(second));
        Assert.False(provider.IsSessionValid(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Theory]
    [InlineData(new[] { "dashboard-viewers" }, DashboardRoles.Viewer)]
    [InlineData(new[] { "dashboard-viewers", "dashboard-analysts" }, DashboardRoles.Analyst)]
    [InlineData(new[] { "dashboard-admins", "dashboard-viewers" }, DashboardRoles.Admin)]
    [InlineData(new[] { "Dashboard-Admins", "everyone" }, null)]
    [InlineData(new string[0], null)]
    public void Groups_DefaultMapping_GiveTheHighestRole(string[] groups, string? role)
        => Assert.Equal(role, new CognitoGroupOptions().RoleFor(groups));

    [Fact]
    public void Groups_ConfiguredMapping_ReplacesTheDefaults()
    {
        var mapping = new CognitoGroupOptions { Admin = ["secops-leads"], Viewer = ["auditors"] };

        Assert.Equal(DashboardRoles.Admin, mapping.RoleFor(["secops-leads"]));
        Assert.Equal(DashboardRoles.Viewer, mapping.RoleFor(["auditors"]));
        Assert.Null(mapping.RoleFor(["dashboard-admins"]));
    }

    [Theory]
    [InlineData(DashboardRoles.Viewer, DashboardPolicies.Viewer, true)]
    [InlineData(DashboardRoles.Viewer, DashboardPolicies.Analyst, false)]
    [InlineData(DashboardRoles.Viewer, DashboardPolicies.Admin, false)]
    [InlineData(DashboardRoles.Analyst, DashboardPolicies.Analyst, true)]
    [InlineData(DashboardRoles.Analyst, DashboardPolicies.Admin, false)]
    [InlineData(DashboardRoles.Admin, DashboardPolicies.Admin, true)]
    [InlineData(DashboardRoles.Admin, DashboardPolicies.Analyst, true)]
    [InlineData(null, DashboardPolicies.Viewer, false)]
    [InlineData(null, DashboardPolicies.SignedIn, true)]
    public async Task Action_ByRole_IsAllowedOnlyAtOrAboveItsPolicy_AndRefusalsAreLogged(string? role, string policy, bool allowed)
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs))
            .AddSingleton<ActionAuthorizer>();
        services.AddAuthorizationBuilder().AddDashboardPolicies();
        using var provider = services.BuildServiceProvider();
        var user = TestAuthenticationStateProvider.SignedIn("someone", role);

        var result = await provider.GetRequiredService<ActionAuthorizer>().IsAllowedAsync(user, policy, "Sync now");

        Assert.Equal(allowed, result);
        var refusal = logs.From<ActionAuthorizer>().SingleOrDefault(e => e.Level == LogLevel.Warning);
        Assert.Equal(!allowed, refusal is not null);
        if (refusal is not null) Assert.Contains("Refused Sync now for someone", refusal.Message);
    }

    private static ClaimsPrincipal UserWithSession(string session)
        => new(new ClaimsIdentity([new Claim(CognitoClaims.Username, "u"), new Claim(CognitoClaims.Session, session)], "test"));

    private sealed class OptionsMonitorStub(CognitoOptions value) : IOptionsMonitor<CognitoOptions>
    {
        public CognitoOptions CurrentValue => value;
        public CognitoOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<CognitoOptions, string?> listener) => null;
    }
}
