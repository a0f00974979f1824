using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Evaluation;

/// <summary>Puts a condition into words: "aws:MultiFactorAuthPresent is true", "aws:RequestedRegion is none of ...".</summary>
internal static class ConditionText
{
    public static ConditionClause Clause(PolicyCondition condition) =>
        new(condition.Key, condition.Operator.Name, condition.Values, Describe(condition));

    public static string Describe(PolicyCondition condition)
    {
        var op = condition.Operator;
        var key = condition.Key;
        if (op.Kind == ConditionOperatorKind.Null)
        {
            var absent = condition.Values.Count > 0 && ConditionValueIsTrue(condition.Values[0]);
            return absent ? $"{key} is absent" : $"{key} is present";
        }

        var subject = op.Set switch
        {
            SetQualifier.ForAllValues => $"every value of {key}",
            SetQualifier.ForAnyValue => $"at least one value of {key}",
            _ => key,
        };
        var quoted = op.Family is ConditionFamily.String or ConditionFamily.Arn or ConditionFamily.Binary;
        var values = condition.Values.Select(v => quoted ? $"\"{v}\"" : v).ToList();
        var one = values.Count == 1;
        var list = string.Join(", ", values);
        var phrase = op.Kind switch
        {
            ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.Bool
                or ConditionOperatorKind.BinaryEquals or ConditionOperatorKind.DateEquals => one ? $"is {list}" : $"is one of {list}",
            ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringNotEqualsIgnoreCase
                or ConditionOperatorKind.DateNotEquals => one ? $"is not {list}" : $"is none of {list}",
            ConditionOperatorKind.StringLike or ConditionOperatorKind.ArnLike or ConditionOperatorKind.ArnEquals =>
                one ? $"matches {list}" : $"matches one of {list}",
            ConditionOperatorKind.StringNotLike or ConditionOperatorKind.ArnNotLike or ConditionOperatorKind.ArnNotEquals =>
                one ? $"does not match {list}" : $"matches none of {list}",
            ConditionOperatorKind.NumericEquals => one ? $"equals {list}" : $"equals one of {list}",
            ConditionOperatorKind.NumericNotEquals => one ? $"does not equal {list}" : $"equals none of {list}",
            ConditionOperatorKind.NumericLessThan => $"is less than {Either(values)}",
            ConditionOperatorKind.NumericLessThanEquals => $"is at most {Either(values)}",
            ConditionOperatorKind.NumericGreaterThan => $"is greater than {Either(values)}",
            ConditionOperatorKind.NumericGreaterThanEquals => $"is at least {Either(values)}",
            ConditionOperatorKind.DateLessThan => $"is before {Either(values)}",
            ConditionOperatorKind.DateLessThanEquals => $"is at or before {Either(values)}",
            ConditionOperatorKind.DateGreaterThan => $"is after {Either(values)}",
            ConditionOperatorKind.DateGreaterThanEquals => $"is at or after {Either(values)}",
            ConditionOperatorKind.IpAddress => one ? $"is in {list}" : $"is in one of {list}",
            _ => one ? $"is not in {list}" : $"is in none of {list}",
        };
        var ignoringCase = op.Kind is ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase
            ? " (ignoring case)"
            : string.Empty;
        var orAbsent = ConditionEvaluator.AbsentKeyResult(op) ? " (or absent)" : string.Empty;
        return $"{subject} {phrase}{ignoringCase}{orAbsent}";
    }

    private static string Either(List<string> values) => string.Join(" or ", values);

    private static bool ConditionValueIsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
