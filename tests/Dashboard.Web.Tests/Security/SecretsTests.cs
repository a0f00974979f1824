using System.Text;
using System.Text.RegularExpressions;
using Dashboard.Core.Sync;
using Dashboard.Web.Security;
using Dashboard.Web.Sync;
using Dashboard.Web.Tests.Integration;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Tests.Security;

/// <summary>
/// After a full sign-in and a full sync, neither the SQLite cache nor any log line (every level, Trace
/// included) holds a token, the authorization code, the session cookie, the app client's secret or an
/// AWS credential.
/// </summary>
public sealed partial class SecretsTests
{
    [Fact]
    public async Task SignInAndSync_NoSecretReachesTheDatabaseOrTheLogs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = DashboardWebFactory.WithTraceLogging();
        var (client, callback) = await DemoSignIn.SignInAsync(factory, "demo-admin");
        using var _ = client;
        var code = QueryHelpers.ParseQuery(callback.RequestMessage!.RequestUri!.Query)["code"].ToString();
        var cookie = SetCookieHeaderValue.ParseList(callback.Headers.GetValues(HeaderNames.SetCookie).ToList())
            .Single(c => c.Name == "__Host-dashboard-session").Value.ToString();
        // The demo's start-up sync may hold the run; a second full run follows it (RunAsync returns null while one runs).
        var sync = factory.Services.GetRequiredService<DashboardSync>();
        var run = await sync.RunAsync("test", ct);
        for (var attempt = 0; run is null && attempt < 600; attempt++)
        {
            await Task.Delay(200, ct);
            run = await sync.RunAsync("test", ct);
        }
        Assert.Equal(SyncRunStatus.Succeeded, run?.Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/findings", ct)).StatusCode);
        var clientSecret = factory.Services.GetRequiredService<IOptions<CognitoOptions>>().Value.ClientSecret;
        Assert.False(string.IsNullOrEmpty(clientSecret), "the demo's app client is confidential");

        var secrets = new Dictionary<string, string>
        {
            ["authorization code"] = code,
            ["session cookie"] = cookie,
            ["app client secret"] = clientSecret!,
            ["demo AWS secret key"] = "demo-secret-for-the-local-stand-in",
        };
        Assert.All(secrets.Values, s => Assert.True(s.Length >= 16));

        SqliteConnection.ClearAllPools();
        var database = string.Concat(Directory.GetFiles(factory.DataPath, "dashboard.db*").Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        var logs = string.Join("\n", factory.Logs.Entries.Select(e => e.FullText));
        Assert.True(database.Length > 100_000, "the cache holds the synced data");
        Assert.Contains(factory.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Trace);

        foreach (var (where, text) in new[] { ("database", database), ("logs", logs) })
        {
            foreach (var (name, value) in secrets)
            {
                Assert.False(text.Contains(value, StringComparison.Ordinal),
                    $"the {name} is in the {where}: " + string.Join(" | ", factory.Logs.Entries.Where(e => e.FullText.Contains(value, StringComparison.Ordinal)).Select(e => $"{e.Category}/{e.Level}: {e.Message[..Math.Min(200, e.Message.Length)]}").Take(5)));
            }
            Assert.False(Jwt().IsMatch(text), $"a JWT (ID or access token) is in the {where}: {Jwt().Match(text).Value[..Math.Min(40, Jwt().Match(text).Value.Length)]}...");
            Assert.False(text.Contains("IQoJb3JpZ2luX2VjE", StringComparison.Ordinal), $"an STS session token is in the {where}");
            Assert.False(StandInAccessKey().IsMatch(text), $"an assumed-role access key id is in the {where}");
        }
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"ASIASI\d{12}[A-Z2-7]{2}")]
    private static partial Regex StandInAccessKey();
}
