using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// The "remembered sign-in" of Cognito's managed login: a cookie naming the user, MACed with a key made
/// at start, valid for an hour. Cookies ignore ports, so on 127.0.0.1 the dashboard would see every
/// stand-in cookie: the path keeps this one to the authorize endpoint, and its name is distinctive.
/// </summary>
internal sealed class ManagedLoginSession(StandInUserPoolOptions options)
{
    public const string CookieName = "cognito-standin-session";
    private const string CookiePath = "/oauth2/authorize";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    public void Remember(HttpContext context, PoolUser user, DateTimeOffset authTime)
    {
        if (!options.RememberSignIn)
        {
            return;
        }

        var payload = Base64UrlTextEncoder.Encode(Encoding.UTF8.GetBytes(user.Username)) + "."
            + authTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Response.Cookies.Append(CookieName, payload + "." + Mac(payload), CookieOptions(context, authTime + Lifetime));
    }

    /// <summary>The remembered user name and sign-in time, or null when there is none or it is forged or stale.</summary>
    public (string Username, DateTimeOffset AuthTime)? Recall(HttpContext context)
    {
        if (!options.RememberSignIn || context.Request.Cookies[CookieName] is not { Length: > 0 and < 1024 } cookie)
        {
            return null;
        }

        var parts = cookie.Split('.');
        if (parts.Length != 3
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(parts[0] + "." + parts[1])), Encoding.ASCII.GetBytes(parts[2]))
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var authTime = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var now = options.TimeProvider.GetUtcNow();
        if (authTime > now.AddMinutes(5) || authTime + Lifetime <= now)
        {
            return null;
        }

        return (Encoding.UTF8.GetString(Base64UrlTextEncoder.Decode(parts[0])), authTime);
    }

    public void Forget(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, CookieOptions(context, expires: null));

    private string Mac(string payload) =>
        Base64UrlTextEncoder.Encode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));

    private static CookieOptions CookieOptions(HttpContext context, DateTimeOffset? expires) => new()
    {
        Path = CookiePath,
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Expires = expires,
        IsEssential = true,
    };
}
