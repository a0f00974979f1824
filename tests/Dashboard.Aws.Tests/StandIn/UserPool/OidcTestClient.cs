using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dashboard.StandIn.UserPool;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dashboard.Aws.Tests.StandIn.UserPool;

/// <summary>
/// A relying party done by hand with a plain HttpClient that never follows redirects: the authorize
/// page, the form post, the code in the callback URL, the token request, JWKS signature checks.
/// </summary>
internal sealed partial class OidcTestClient : IDisposable
{
    private readonly HttpClient http;

    public OidcTestClient(StandInUserPool pool, CookieContainer? cookies = null)
    {
        Pool = pool;
        http = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
        })
        { BaseAddress = pool.DomainUrl };
    }

    public StandInUserPool Pool { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh PKCE pair (RFC 7636, S256).</summary>
    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public Dictionary<string, string?> AuthorizeParameters(string challenge, string redirectUri = UserPoolFixture.Callback, string nonce = "nonce-1", string scope = "openid email profile") => new()
    {
        ["client_id"] = Pool.Options.ClientId,
        ["response_type"] = "code",
        ["response_mode"] = "query",
        ["scope"] = scope,
        ["redirect_uri"] = redirectUri,
        ["state"] = "state-xyz",
        ["nonce"] = nonce,
        ["code_challenge"] = challenge,
        ["code_challenge_method"] = "S256",
    };

    public Task<HttpResponseMessage> GetAsync(string relative) => http.GetAsync(relative, Ct);

    public Task<HttpResponseMessage> PostFormAsync(string relative, IDictionary<string, string?> form) =>
        http.PostAsync(relative, new FormUrlEncodedContent(form.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))), Ct);

    public Task<HttpResponseMessage> AuthorizeAsync(IDictionary<string, string?> parameters) =>
        http.GetAsync(QueryHelpers.AddQueryString("oauth2/authorize", parameters), Ct);

    /// <summary>Shows the page, then posts its form back choosing <paramref name="username"/>.</summary>
    public async Task<HttpResponseMessage> SignInAsync(IDictionary<string, string?> parameters, string username)
    {
        using var page = await AuthorizeAsync(parameters);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"authorize returned {(int)page.StatusCode}: {html}");
        var form = HiddenInput().Matches(html)
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Append(new("standin_username", username));
        return await http.PostAsync("oauth2/authorize", new FormUrlEncodedContent(form), Ct);
    }

    /// <summary>The code from a redirect to the callback; fails the test on anything else.</summary>
    public static string CodeFrom(HttpResponseMessage response, string redirectUri = UserPoolFixture.Callback)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(redirectUri + "?", location.ToString(), StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("state-xyz", query["state"].ToString());
        return query["code"].ToString();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> ExchangeAsync(
        string code, string verifier, string redirectUri = UserPoolFixture.Callback, string? secret = null, bool basic = true, string? clientId = null)
    {
        clientId ??= Pool.Options.ClientId;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth2/token");
        if (secret is not null && basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(secret))));
        }
        else
        {
            form["client_id"] = clientId;
            if (secret is not null)
            {
                form["client_secret"] = secret;
            }
        }

        request.Content = new FormUrlEncodedContent(form);
        using var response = await http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>The whole flow for one user; returns the token response.</summary>
    public async Task<JsonElement> SignInAndExchangeAsync(string username, string nonce = "nonce-1")
    {
        var (verifier, challenge) = Pkce();
        using var callback = await SignInAsync(AuthorizeParameters(challenge, nonce: nonce), username);
        var (status, body) = await ExchangeAsync(CodeFrom(callback), verifier);
        Assert.True(status == HttpStatusCode.OK, $"token returned {(int)status}: {body}");
        return body;
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await http.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    /// <summary>Validates a JWT against the pool's published JWKS, issuer and (optionally) audience.</summary>
    public async Task<JsonWebToken> ValidateAsync(string jwt, string? audience)
    {
        using var response = await http.GetAsync(Pool.Issuer + "/.well-known/jwks.json", Ct);
        var keys = new JsonWebKeySet(await response.Content.ReadAsStringAsync(Ct));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            ValidIssuer = Pool.Issuer.ToString(),
            ValidateAudience = audience is not null,
            ValidAudience = audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = ["RS256"],
            // Access tokens are "at+jwt"; ID tokens "JWT".
            ValidTypes = ["JWT", "at+jwt"],
        });
        Assert.True(result.IsValid, $"token did not validate: {result.Exception?.Message}");
        return (JsonWebToken)result.SecurityToken;
    }

    public async Task<HttpResponseMessage> UserInfoAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "oauth2/userInfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await http.SendAsync(request, Ct);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();

    public void Dispose() => http.Dispose();
}
