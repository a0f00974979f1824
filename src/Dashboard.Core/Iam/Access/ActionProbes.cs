namespace Dashboard.Core.Iam.Access;

/// <summary>
/// Concrete action names that stand for a policy's action patterns. A request names exactly one action,
/// so "is <c>s3:*</c> allowed?" is asked as "is <c>s3:DashboardProbeAction</c> allowed?": an action no
/// policy names literally, matched only by patterns that cover the whole service (<c>s3:*</c>, <c>*</c>)
/// or by NotAction lists that leave it out. Likewise <c>s3:Get*</c> becomes <c>s3:GetDashboardProbeAction</c>.
/// </summary>
public static class ActionProbes
{
    public const string ProbeName = "DashboardProbeAction";

    /// <summary>The service used for "any action at all": no real service has this prefix.</summary>
    public const string AnyServicePrefix = "dashboardprobe";

    /// <summary>Stands for <c>*</c>: allowed only by <c>*</c>, service-less wildcards, or NotAction.</summary>
    public static string AnyAction { get; } = $"{AnyServicePrefix}:{ProbeName}";

    /// <summary>Stands for <c>service:*</c>.</summary>
    public static string AnyActionOf(string service) => $"{service}:{ProbeName}";

    /// <summary>A concrete action for a pattern; the pattern itself when it has no wildcard.</summary>
    public static string ForPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var trimmed = pattern.Trim();
        if (trimmed == "*")
        {
            return AnyAction;
        }

        var colon = trimmed.IndexOf(':');
        var service = colon > 0 ? trimmed[..colon] : AnyServicePrefix;
        var name = colon > 0 ? trimmed[(colon + 1)..] : trimmed;
        if (service.AsSpan().IndexOfAny('*', '?') >= 0)
        {
            service = AnyServicePrefix;
        }

        if (name.AsSpan().IndexOfAny('*', '?') < 0)
        {
            return $"{service}:{name}";
        }

        // One probe word for the first wildcard, the rest dropped: "Get*Policy*" becomes "GetDashboardProbeActionPolicy".
        var first = name.IndexOfAny(['*', '?']);
        var rest = name[(first + 1)..].Replace("*", string.Empty, StringComparison.Ordinal).Replace("?", "X", StringComparison.Ordinal);
        return $"{service}:{name[..first]}{ProbeName}{rest}";
    }

    /// <summary>The service prefix of an action or pattern (lower case), or null for <c>*</c> and service wildcards.</summary>
    public static string? ServiceOf(string actionOrPattern)
    {
        var colon = actionOrPattern.IndexOf(':');
        if (colon <= 0)
        {
            return null;
        }

        var service = actionOrPattern[..colon].Trim();
        return service.AsSpan().IndexOfAny('*', '?') >= 0 ? null : service.ToLowerInvariant();
    }

    public static bool IsProbe(string action) => action.Contains(ProbeName, StringComparison.Ordinal);
}
