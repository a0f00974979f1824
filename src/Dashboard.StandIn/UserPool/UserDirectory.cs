using System.Security.Cryptography;
using System.Text;

namespace Dashboard.StandIn.UserPool;

/// <summary>The pool's users by name (case-insensitive, as Cognito's default), each with a stable <c>sub</c>.</summary>
internal sealed class UserDirectory
{
    private readonly Dictionary<string, PoolUser> users;

    public UserDirectory(StandInUserPoolOptions options)
    {
        All = options.EffectiveUsers
            .Select(u => new PoolUser(u.Username, Subject(options.UserPoolId, u.Username), string.IsNullOrEmpty(u.Email) ? null : u.Email, [.. u.Groups ?? []]))
            .ToList();
        users = All.ToDictionary(u => u.Username, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<PoolUser> All { get; }

    public PoolUser? Find(string? username) =>
        username is not null && users.TryGetValue(username, out var user) ? user : null;

    /// <summary>
    /// A UUID derived from the pool and the user name, so the same demo user keeps its sub across
    /// restarts (the dashboard may key data on it) while another pool gives another one, as in Cognito.
    /// </summary>
    private static string Subject(string poolId, string username)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(poolId + "\n" + username.ToLowerInvariant()));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4, the shape Cognito's subs have
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}

/// <summary>A user as the tokens describe it.</summary>
internal sealed record PoolUser(string Username, string Subject, string? Email, IReadOnlyList<string> Groups);
