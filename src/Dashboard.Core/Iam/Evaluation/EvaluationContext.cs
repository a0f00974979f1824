using System.Globalization;
using Dashboard.Core.Iam.Matching;

namespace Dashboard.Core.Iam.Evaluation;

/// <summary>
/// One request prepared for matching: the action lower-cased once, the resource account worked out,
/// and context keys resolved in order: what the caller supplied, what the principal determines, what
/// the request itself determines, else unknown (or absent, when the caller asked for AWS's reading).
/// </summary>
internal sealed class EvaluationContext : IKeyLookup
{
    public EvaluationContext(EvaluationRequest request)
    {
        Request = request;
        Principal = request.Principal;
        LowerCaseAction = request.Action.Trim().ToLowerInvariant();
        Resource = request.Resource.Trim();
        ResourceAccount = request.ResourceAccount ?? AccountFromArn(Resource);
    }

    public EvaluationRequest Request { get; }

    public PrincipalContext Principal { get; }

    public string LowerCaseAction { get; }

    public string Resource { get; }

    public string? ResourceAccount { get; }

    /// <summary>
    /// Cross-account only when both accounts are known and differ; an S3 ARN names no account, so
    /// such requests are read as same-account unless <see cref="EvaluationRequest.ResourceAccount"/> says otherwise.
    /// </summary>
    public bool IsCrossAccount => ResourceAccount is not null && Principal.AccountId is not null
        && !string.Equals(ResourceAccount, Principal.AccountId, StringComparison.Ordinal);

    public KeyValues Lookup(string key)
    {
        if (Request.Context.TryGetValues(key, out var supplied))
        {
            return supplied.Count == 0 ? KeyValues.Absent : KeyValues.Of(supplied);
        }

        if (Principal.TryLookupDerived(key, out var derived))
        {
            return derived;
        }

        if (TryLookupRequestKey(key, out var fromRequest))
        {
            return fromRequest;
        }

        return Request.MissingKeys == MissingContextKeys.Absent ? KeyValues.Absent : KeyValues.Unknown;
    }

    private bool TryLookupRequestKey(string key, out KeyValues values)
    {
        values = default;
        if (string.Equals(key, "aws:ResourceAccount", StringComparison.OrdinalIgnoreCase) && ResourceAccount is not null)
        {
            values = KeyValues.Of(ResourceAccount);
            return true;
        }

        if (Request.RequestTime is not { } time)
        {
            return false;
        }

        if (string.Equals(key, "aws:CurrentTime", StringComparison.OrdinalIgnoreCase))
        {
            values = KeyValues.Of(time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            return true;
        }

        if (string.Equals(key, "aws:EpochTime", StringComparison.OrdinalIgnoreCase))
        {
            values = KeyValues.Of(time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            return true;
        }

        return false;
    }

    /// <summary>The fifth ARN field when it is a 12-digit account id (S3 and some other ARNs leave it empty).</summary>
    private static string? AccountFromArn(string resource)
    {
        if (!resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = resource.AsSpan();
        for (var field = 0; field < 4; field++)
        {
            var colon = rest.IndexOf(':');
            if (colon < 0)
            {
                return null;
            }

            rest = rest[(colon + 1)..];
        }

        var end = rest.IndexOf(':');
        var account = end < 0 ? ReadOnlySpan<char>.Empty : rest[..end];
        return account.Length == 12 && account.IndexOfAnyExceptInRange('0', '9') < 0 ? account.ToString() : null;
    }
}
