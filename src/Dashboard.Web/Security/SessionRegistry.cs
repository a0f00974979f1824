using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Dashboard.Web.Security;

/// <summary>
/// Server-side record of live sessions. The cookie alone cannot be revoked, so each sign-in gets a
/// random session id (a claim in the cookie) that must be here for the cookie, or an open Blazor
/// circuit, to keep working: sign-out removes it, and it expires after the absolute maximum lifetime.
/// Kept in memory: a restart signs everyone out (they pass through Cognito again, usually silently).
/// </summary>
public sealed class SessionRegistry(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _startedAt = new(StringComparer.Ordinal);

    public string Start()
    {
        Prune();
        var id = RandomNumberGenerator.GetHexString(32, lowercase: true);
        _startedAt[id] = clock.GetUtcNow();
        return id;
    }

    /// <summary>True while the session exists and is younger than <paramref name="maxLifetime"/>.</summary>
    public bool IsActive(string? id, TimeSpan maxLifetime)
    {
        if (id is null || !_startedAt.TryGetValue(id, out var started)) return false;
        if (clock.GetUtcNow() - started < maxLifetime) return true;
        _startedAt.TryRemove(id, out _);
        return false;
    }

    public void End(string? id)
    {
        if (id is not null) _startedAt.TryRemove(id, out _);
    }

    public int Count => _startedAt.Count;

    // Sessions whose browser never signed out would otherwise pile up. Anything older than a day past
    // any sensible maximum lifetime is dead; IsActive already refuses expired ones.
    private void Prune()
    {
        if (_startedAt.Count < 1024) return;
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(2);
        foreach (var (id, started) in _startedAt)
        {
            if (started < cutoff) _startedAt.TryRemove(id, out _);
        }
    }
}
