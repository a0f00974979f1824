using System.Collections.Concurrent;
using System.Globalization;
using Dashboard.StandIn.Data;

namespace Dashboard.StandIn.Identity;

/// <summary>An AssumeRole session the stand-in issued.</summary>
internal sealed record AssumedSession(string AccountId, string RoleName, string SessionName, string RoleId, DateTimeOffset Expiration);

/// <summary>
/// Issues and recognizes the stand-in's temporary credentials. The access key id itself carries the
/// account ("ASIA" + "SI" + 12-digit account + 2 serial characters = 20 characters, the length of a real
/// key), so a request signed with it acts as that account even after a restart. Any other key is an
/// "ambient" key (environment, profile) and acts as the management account, as a real operator would.
/// Signatures are not verified: the stand-in only reads who signed, never checks the HMAC.
/// </summary>
internal sealed class StandInCredentials(StandInOrganization organization)
{
    private const string Prefix = "ASIASI";
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const int MaxRememberedSessions = 50_000;

    private readonly ConcurrentDictionary<string, AssumedSession> sessions = new(StringComparer.Ordinal);
    private int serial;

    public (string AccessKeyId, string SecretAccessKey, string SessionToken) Issue(AssumedSession session)
    {
        var number = Interlocked.Increment(ref serial);
        var accessKeyId = string.Concat(Prefix, session.AccountId, Base32[(number >> 5) & 31].ToString(), Base32[number & 31].ToString());
        var random = new StableRandom(number, long.Parse(session.AccountId, CultureInfo.InvariantCulture), salt: 101);
        var secret = RandomText(ref random, 40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
        var token = "IQoJb3JpZ2luX2VjE" + RandomText(ref random, 300, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

        // Remember the role and session names for GetCallerIdentity; a bounded map, the key alone still tells the account.
        if (sessions.Count < MaxRememberedSessions)
        {
            sessions[accessKeyId] = session;
        }

        return (accessKeyId, secret, token);
    }

    public static bool TryDecodeAccount(string accessKeyId, out string accountId)
    {
        accountId = string.Empty;
        if (accessKeyId.Length != 20 || !accessKeyId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = accessKeyId.AsSpan(Prefix.Length, 12);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        accountId = digits.ToString();
        return true;
    }

    public CallerIdentity Resolve(string accessKeyId)
    {
        var management = organization.ManagementAccountId;
        if (!TryDecodeAccount(accessKeyId, out var account))
        {
            return new CallerIdentity(management, $"arn:aws:iam::{management}:user/standin-operator", "AIDA" + IdSuffix(management + "operator"), true);
        }

        if (sessions.TryGetValue(accessKeyId, out var session))
        {
            return new CallerIdentity(account, AssumedRoleArn(session), $"{session.RoleId}:{session.SessionName}", account == management);
        }

        return new CallerIdentity(account, $"arn:aws:sts::{account}:assumed-role/StandInRole/session", "AROA" + IdSuffix(account) + ":session", account == management);
    }

    public static string AssumedRoleArn(AssumedSession session) =>
        $"arn:aws:sts::{session.AccountId}:assumed-role/{session.RoleName}/{session.SessionName}";

    /// <summary>17 characters like the unique part of an IAM id (AROA…, AIDA…), stable per input.</summary>
    public static string IdSuffix(string seedText)
    {
        // string.GetHashCode is randomized per process; this one is stable.
        var stable = new StableRandom(seedText.Aggregate(17, (h, c) => unchecked((h * 31) + c)), seedText.Length, salt: 203);
        return RandomText(ref stable, 17, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    }

    private static string RandomText(ref StableRandom random, int length, string alphabet)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[(int)random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
