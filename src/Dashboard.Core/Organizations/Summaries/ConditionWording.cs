using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Organizations.Summaries;

/// <summary>
/// Puts one policy condition into plain words for SCP summaries and guardrail exceptions:
/// "aws:RequestedRegion is not eu-central-1 or eu-west-1", and for the exemption a negated condition
/// grants in a Deny, its positive reading: "aws:PrincipalArn is like arn:aws:iam::*:role/Admin".
/// </summary>
public static class ConditionWording
{
    /// <summary>At most this many values are listed; the rest are counted ("and 3 more").</summary>
    public const int MaxValues = 8;

    /// <summary>
    /// Keys that describe who calls rather than what is asked: a negated condition on one of them in a
    /// Deny statement exempts those principals (the usual "except the break-glass role" pattern of SCPs).
    /// </summary>
    private static readonly string[] PrincipalKeys =
    [
        "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalType",
        "aws:PrincipalIsAWSService", "aws:PrincipalServiceName", "aws:userid", "aws:username", "aws:SourceIdentity",
    ];

    private const string PrincipalTagPrefix = "aws:PrincipalTag/";

    /// <summary>True for keys about the caller (aws:PrincipalArn, aws:PrincipalTag/..., aws:userid ...).</summary>
    public static bool IsPrincipalKey(string key) =>
        PrincipalKeys.Contains(key, StringComparer.OrdinalIgnoreCase)
        || key.StartsWith(PrincipalTagPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when a Deny statement's condition carves principals out rather than narrowing the request:
    /// a negated operator (ArnNotLike, StringNotEquals ...) on a principal key.
    /// </summary>
    public static bool IsExemption(PolicyCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition.Operator.IsNegated && IsPrincipalKey(condition.Key);
    }

    /// <summary>The condition as it reads when it holds: "aws:RequestedRegion is not eu-central-1 or eu-west-1".</summary>
    public static string When(PolicyCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Phrase(condition, condition.Operator.Kind);
    }

    /// <summary>
    /// What a negated condition exempts, read positively (ArnNotLike → "is like", StringNotEquals → "is"),
    /// for "unless ..." clauses; a condition that is not negated is worded as in <see cref="When"/>.
    /// </summary>
    public static string Unless(PolicyCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Phrase(condition, Positive(condition.Operator.Kind));
    }

    /// <summary>"a, b, c and 4 more" (nothing is dropped silently).</summary>
    public static string List(IReadOnlyList<string> values, string conjunction, int max = MaxValues)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return string.Empty;
        if (values.Count == 1) return values[0];
        if (values.Count > max)
            return string.Join(", ", values.Take(max)) + $" and {values.Count - max} more";
        return string.Join(", ", values.Take(values.Count - 1)) + $" {conjunction} " + values[^1];
    }

    private static string Phrase(PolicyCondition condition, ConditionOperatorKind kind)
    {
        var op = condition.Operator;
        var values = condition.Values;
        if (kind == ConditionOperatorKind.Null)
        {
            var absent = values.Count > 0 && string.Equals(values[0].Trim(), "true", StringComparison.OrdinalIgnoreCase);
            return $"{condition.Key} is {(absent ? "absent" : "present")}";
        }

        var subject = op.Set switch
        {
            SetQualifier.ForAllValues => $"every value of {condition.Key}",
            SetQualifier.ForAnyValue => $"any value of {condition.Key}",
            _ => condition.Key,
        };
        var or = List(values, "or");
        var phrase = kind switch
        {
            ConditionOperatorKind.StringEquals or ConditionOperatorKind.ArnEquals or ConditionOperatorKind.Bool
                or ConditionOperatorKind.BinaryEquals or ConditionOperatorKind.DateEquals => $"is {or}",
            ConditionOperatorKind.StringEqualsIgnoreCase => $"is {or} (ignoring case)",
            ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.DateNotEquals => $"is not {or}",
            ConditionOperatorKind.StringNotEqualsIgnoreCase => $"is not {or} (ignoring case)",
            ConditionOperatorKind.StringLike or ConditionOperatorKind.ArnLike => $"is like {or}",
            ConditionOperatorKind.StringNotLike or ConditionOperatorKind.ArnNotLike => $"is not like {or}",
            ConditionOperatorKind.NumericEquals => $"equals {or}",
            ConditionOperatorKind.NumericNotEquals => $"does not equal {or}",
            ConditionOperatorKind.NumericLessThan => $"is less than {or}",
            ConditionOperatorKind.NumericLessThanEquals => $"is at most {or}",
            ConditionOperatorKind.NumericGreaterThan => $"is greater than {or}",
            ConditionOperatorKind.NumericGreaterThanEquals => $"is at least {or}",
            ConditionOperatorKind.DateLessThan => $"is before {or}",
            ConditionOperatorKind.DateLessThanEquals => $"is at or before {or}",
            ConditionOperatorKind.DateGreaterThan => $"is after {or}",
            ConditionOperatorKind.DateGreaterThanEquals => $"is at or after {or}",
            ConditionOperatorKind.IpAddress => $"is in {or}",
            _ => $"is not in {or}",
        };
        var ifExists = op.IfExists ? " (where present)" : string.Empty;
        return $"{subject} {phrase}{ifExists}";
    }

    private static ConditionOperatorKind Positive(ConditionOperatorKind kind) => kind switch
    {
        ConditionOperatorKind.StringNotEquals => ConditionOperatorKind.StringEquals,
        ConditionOperatorKind.StringNotEqualsIgnoreCase => ConditionOperatorKind.StringEqualsIgnoreCase,
        ConditionOperatorKind.StringNotLike => ConditionOperatorKind.StringLike,
        ConditionOperatorKind.NumericNotEquals => ConditionOperatorKind.NumericEquals,
        ConditionOperatorKind.DateNotEquals => ConditionOperatorKind.DateEquals,
        ConditionOperatorKind.NotIpAddress => ConditionOperatorKind.IpAddress,
        ConditionOperatorKind.ArnNotEquals => ConditionOperatorKind.ArnEquals,
        ConditionOperatorKind.ArnNotLike => ConditionOperatorKind.ArnLike,
        _ => kind,
    };
}
