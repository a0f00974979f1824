using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Iam.Access;

/// <summary>
/// What every access question in one account run assumes about the request: when it is made, the
/// context keys known up front, and facts about the organization.
/// </summary>
public sealed record AccessOptions
{
    /// <summary>
    /// The moment requests are evaluated at. Sets aws:CurrentTime and aws:EpochTime, and, unless
    /// <see cref="Context"/> says otherwise, aws:TokenIssueTime: a session issued now, so conditions that
    /// compare the token's issue time with a fixed date decide as they would for fresh credentials
    /// (IAM-Vulnerable's fn3/fp5 principals hinge on exactly that). Null leaves those keys unknown.
    /// </summary>
    public DateTimeOffset? RequestTime { get; init; }

    /// <summary>Context keys every request carries (e.g. aws:RequestedRegion=eu-west-1).</summary>
    public ContextKeys Context { get; init; } = ContextKeys.Empty;

    /// <summary>How to read keys nobody supplies; Unknown makes decisions that need them conditional.</summary>
    public MissingContextKeys MissingKeys { get; init; } = MissingContextKeys.Unknown;

    /// <summary>aws:PrincipalOrgID of the account's principals, when the account is in an organization.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The organization's management account: SCPs do not restrict its principals.</summary>
    public string? ManagementAccountId { get; init; }

    internal ContextKeys BaseContext()
    {
        var context = Context;
        if (RequestTime is { } time && !context.TryGetValues("aws:TokenIssueTime", out _))
        {
            context = context.With("aws:TokenIssueTime", time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }

        return context;
    }

    internal static ContextKeys Merge(ContextKeys baseKeys, ContextKeys? extra)
    {
        if (extra is null || extra.Count == 0)
        {
            return baseKeys;
        }

        var merged = baseKeys;
        foreach (var key in extra.Keys)
        {
            extra.TryGetValues(key, out var values);
            merged = merged.With(key, [.. values]);
        }

        return merged;
    }
}
