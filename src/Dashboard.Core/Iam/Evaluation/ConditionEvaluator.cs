using Dashboard.Core.Iam.Matching;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Evaluation;

internal enum ConditionResult
{
    False,
    True,

    /// <summary>Depends on a key the request does not supply.</summary>
    Unknown,

    /// <summary>A policy variable in a value has no value: the statement is invalid (does not apply).</summary>
    Invalid,
}

/// <summary>
/// Decides one condition entry against the request context, per the IAM User Guide: a missing key
/// makes positive operators false and negated ones true, except <c>...IfExists</c> (true) and
/// <c>Null</c>; <c>ForAllValues</c> is true and <c>ForAnyValue</c> false on a missing or empty set;
/// several policy values are ORed (NORed for negated operators).
/// </summary>
internal static class ConditionEvaluator
{
    public static ConditionResult Evaluate(PolicyCondition condition, IKeyLookup lookup, out string? missingKey)
    {
        missingKey = null;
        var op = condition.Operator;
        var found = lookup.Lookup(condition.Key);
        if (found.State == KeyState.Unknown)
        {
            missingKey = condition.Key;
            return ConditionResult.Unknown;
        }

        if (op.Kind == ConditionOperatorKind.Null)
        {
            // "Null": "true" holds when the key is absent; "false" when it is present.
            foreach (var value in condition.Compiled)
            {
                if (value.Boolean != found.HasValues)
                {
                    return ConditionResult.True;
                }
            }

            return ConditionResult.False;
        }

        if (!found.HasValues)
        {
            return AbsentKeyResult(op) ? ConditionResult.True : ConditionResult.False;
        }

        if (!TryResolveValues(condition, lookup, out var values, out var status, out missingKey))
        {
            return status == SubstitutionStatus.Unknown ? ConditionResult.Unknown : ConditionResult.Invalid;
        }

        var result = op.Set switch
        {
            SetQualifier.ForAllValues => AllContextValues(op, found.Values, values),
            SetQualifier.ForAnyValue => AnyContextValue(op, found.Values, values),
            _ => AnyContextValueMatches(op, found.Values, values) != op.IsNegated,
        };
        return result ? ConditionResult.True : ConditionResult.False;
    }

    /// <summary>What an operator yields when the key is missing or has an empty set of values.</summary>
    internal static bool AbsentKeyResult(ConditionOperator op) =>
        op.Kind == ConditionOperatorKind.Null || op.IfExists || op.Set switch
        {
            SetQualifier.ForAllValues => true,
            SetQualifier.ForAnyValue => false,
            _ => op.IsNegated,
        };

    private static bool AllContextValues(ConditionOperator op, IReadOnlyList<string> context, IReadOnlyList<ConditionValue> policy)
    {
        foreach (var value in context)
        {
            if (AnyPolicyValueMatches(op, value, policy) == op.IsNegated)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyContextValue(ConditionOperator op, IReadOnlyList<string> context, IReadOnlyList<ConditionValue> policy)
    {
        foreach (var value in context)
        {
            if (AnyPolicyValueMatches(op, value, policy) != op.IsNegated)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyContextValueMatches(ConditionOperator op, IReadOnlyList<string> context, IReadOnlyList<ConditionValue> policy)
    {
        foreach (var value in context)
        {
            if (AnyPolicyValueMatches(op, value, policy))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The positive form of the operator: does this context value equal/match/fall in any policy value?</summary>
    private static bool AnyPolicyValueMatches(ConditionOperator op, string contextValue, IReadOnlyList<ConditionValue> policy)
    {
        decimal number = 0;
        DateTimeOffset date = default;
        var flag = false;
        byte[]? bytes = null;
        System.Net.IPAddress? address = null;
        var readable = op.Family switch
        {
            ConditionFamily.Numeric => ConditionValue.TryParseNumber(contextValue, out number),
            ConditionFamily.Date => ConditionValue.TryParseDate(contextValue, out date),
            ConditionFamily.Bool => ConditionValue.TryParseBool(contextValue, out flag),
            ConditionFamily.Binary => ConditionValue.TryParseBase64(contextValue, out bytes),
            ConditionFamily.IpAddress => IpRange.TryParseAddress(contextValue, out address),
            _ => true,
        };
        if (!readable)
        {
            // A context value that cannot be read as the operator's type matches nothing.
            return false;
        }

        foreach (var value in policy)
        {
            var matches = op.Family switch
            {
                ConditionFamily.Numeric => Ordered(op.Kind, number.CompareTo(value.Number)),
                ConditionFamily.Date => Ordered(op.Kind, date.CompareTo(value.Date)),
                ConditionFamily.Bool => value.Boolean == flag,
                ConditionFamily.Binary => value.Binary.AsSpan().SequenceEqual(bytes),
                ConditionFamily.IpAddress => value.Range!.Contains(address!),
                _ => TextMatches(op.Kind, contextValue, value),
            };
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private static bool TextMatches(ConditionOperatorKind kind, string contextValue, ConditionValue value) => kind switch
    {
        ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringNotEquals => string.Equals(contextValue, value.Raw, StringComparison.Ordinal),
        ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase =>
            string.Equals(contextValue, value.Raw, StringComparison.OrdinalIgnoreCase),
        ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike => value.Glob!.IsMatch(contextValue),

        // ArnEquals and ArnLike behave the same: both take wildcards, segment by segment.
        _ => value.Arn!.IsMatch(contextValue),
    };

    /// <summary>Compares "context value versus policy value" for the numeric and date operators.</summary>
    private static bool Ordered(ConditionOperatorKind kind, int comparison) => kind switch
    {
        ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals
            or ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals => comparison == 0,
        ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.DateLessThan => comparison < 0,
        ConditionOperatorKind.NumericLessThanEquals or ConditionOperatorKind.DateLessThanEquals => comparison <= 0,
        ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.DateGreaterThan => comparison > 0,
        _ => comparison >= 0,
    };

    /// <summary>
    /// The policy values with their variables substituted. Values without variables are used as
    /// compiled; only a policy that uses variables pays for substitution.
    /// </summary>
    private static bool TryResolveValues(
        PolicyCondition condition,
        IKeyLookup lookup,
        out IReadOnlyList<ConditionValue> values,
        out SubstitutionStatus status,
        out string? missingKey)
    {
        values = condition.Compiled;
        status = SubstitutionStatus.Resolved;
        missingKey = null;
        List<ConditionValue>? substituted = null;
        for (var i = 0; i < condition.Compiled.Count; i++)
        {
            var value = condition.Compiled[i];
            if (value.Template is null)
            {
                substituted?.Add(value);
                continue;
            }

            substituted ??= new List<ConditionValue>(condition.Compiled.Take(i));
            var family = condition.Operator.Family;
            var asPattern = family == ConditionFamily.Arn
                || condition.Operator.Kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike;
            var result = value.Template.Substitute(lookup, asPattern);
            if (result.Status != SubstitutionStatus.Resolved)
            {
                status = result.Status;
                missingKey = result.Key;
                return false;
            }

            substituted.Add(ConditionValue.FromSubstituted(condition.Operator, result.Value));
        }

        if (substituted is not null)
        {
            values = substituted;
        }

        return true;
    }
}
