namespace Dashboard.StandIn.Faults;

/// <summary>Kinds of one-shot faults a test can queue.</summary>
public enum StandInFaultKind
{
    /// <summary>HTTP 429 TooManyRequestsException.</summary>
    Throttle,
    /// <summary>HTTP 500 InternalException.</summary>
    ServerError,
    /// <summary>HTTP 200 whose JSON body is cut in half.</summary>
    MalformedPage,
    /// <summary>HTTP 200 page where one finding lacks Title and has a number for CreatedAt.</summary>
    MalformedFinding,
}

/// <summary>A queued fault: how many requests it still hits, and for which account (null = any).</summary>
public sealed record StandInPendingFault(StandInFaultKind Kind, int Remaining, string? AccountId);

/// <summary>The faults in force.</summary>
public sealed record StandInFaultState(
    IReadOnlyList<StandInPendingFault> Pending,
    IReadOnlyList<string> DeniedAccounts,
    IReadOnlyList<string> DeniedAssumeRoleAccounts);

/// <summary>
/// Faults injected into Security Hub GetFindings (and AssumeRole), thread-safe. "Next" faults hit the next
/// matching requests in arrival order, optionally only those made as one account, so a test with several
/// accounts syncing concurrently still knows which request fails.
/// </summary>
public sealed class StandInFaults
{
    private readonly object gate = new();
    private readonly List<PendingFault> pending = [];
    private readonly HashSet<string> deniedAccounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> deniedAssumeRole = new(StringComparer.Ordinal);
    private readonly HashSet<(string AccountId, string Action)> deniedActions = [];

    /// <summary>The next <paramref name="count"/> GetFindings calls get 429 TooManyRequestsException.</summary>
    public void ThrottleNext(int count, string? accountId = null) => Queue(StandInFaultKind.Throttle, count, accountId);

    /// <summary>The next <paramref name="count"/> GetFindings calls get 500 InternalException.</summary>
    public void ServerErrorNext(int count, string? accountId = null) => Queue(StandInFaultKind.ServerError, count, accountId);

    /// <summary>The next GetFindings page is a 200 with a truncated, invalid JSON body.</summary>
    public void MalformedNextPage(string? accountId = null) => Queue(StandInFaultKind.MalformedPage, 1, accountId);

    /// <summary>The next non-empty GetFindings page has one finding without Title and with a number as CreatedAt.</summary>
    public void MalformedFindingInNextPage(string? accountId = null) => Queue(StandInFaultKind.MalformedFinding, 1, accountId);

    /// <summary>Every Security Hub call made as this account gets 403 AccessDeniedException until allowed again.</summary>
    public void DenyAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        lock (gate)
        {
            deniedAccounts.Add(accountId);
        }
    }

    public void AllowAccount(string accountId)
    {
        lock (gate)
        {
            deniedAccounts.Remove(accountId);
        }
    }

    /// <summary>
    /// Only this action (e.g. iam:GenerateCredentialReport; IAM actions only), made as this account, gets
    /// AccessDenied until allowed again: a role whose policy grants the rest but not this call.
    /// </summary>
    public void DenyAction(string accountId, string action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        lock (gate)
        {
            deniedActions.Add((accountId, action.ToLowerInvariant()));
        }
    }

    public void AllowAction(string accountId, string action)
    {
        lock (gate)
        {
            deniedActions.Remove((accountId, action.ToLowerInvariant()));
        }
    }

    /// <summary>AssumeRole into this account fails with AccessDenied, as when the role or its trust policy is missing.</summary>
    public void DenyAssumeRole(string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        lock (gate)
        {
            deniedAssumeRole.Add(accountId);
        }
    }

    public void AllowAssumeRole(string accountId)
    {
        lock (gate)
        {
            deniedAssumeRole.Remove(accountId);
        }
    }

    /// <summary>Clears every fault.</summary>
    public void Reset()
    {
        lock (gate)
        {
            pending.Clear();
            deniedAccounts.Clear();
            deniedAssumeRole.Clear();
            deniedActions.Clear();
        }
    }

    public StandInFaultState Snapshot()
    {
        lock (gate)
        {
            return new StandInFaultState(
                pending.Select(p => new StandInPendingFault(p.Kind, p.Remaining, p.AccountId)).ToList(),
                deniedAccounts.Order(StringComparer.Ordinal).ToList(),
                deniedAssumeRole.Order(StringComparer.Ordinal).ToList());
        }
    }

    internal bool IsDenied(string accountId)
    {
        lock (gate)
        {
            return deniedAccounts.Contains(accountId);
        }
    }

    internal bool IsActionDenied(string accountId, string action)
    {
        lock (gate)
        {
            return deniedActions.Contains((accountId, action.ToLowerInvariant()));
        }
    }

    internal bool IsAssumeRoleDenied(string accountId)
    {
        lock (gate)
        {
            return deniedAssumeRole.Contains(accountId);
        }
    }

    /// <summary>Uses up one hit of the first queued fault of this kind that applies to the account.</summary>
    internal bool TryConsume(StandInFaultKind kind, string accountId)
    {
        lock (gate)
        {
            var index = pending.FindIndex(p => p.Kind == kind && (p.AccountId is null || p.AccountId == accountId));
            if (index < 0)
            {
                return false;
            }

            if (--pending[index].Remaining == 0)
            {
                pending.RemoveAt(index);
            }

            return true;
        }
    }

    private void Queue(StandInFaultKind kind, int count, string? accountId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (gate)
        {
            pending.Add(new PendingFault(kind, count, string.IsNullOrWhiteSpace(accountId) ? null : accountId));
        }
    }

    private sealed class PendingFault(StandInFaultKind kind, int remaining, string? accountId)
    {
        public StandInFaultKind Kind { get; } = kind;

        public int Remaining { get; set; } = remaining;

        public string? AccountId { get; } = accountId;
    }
}
