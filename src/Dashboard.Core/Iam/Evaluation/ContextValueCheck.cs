using Dashboard.Core.Iam.Matching;
using Dashboard.Core.Iam.Policies;

namespace Dashboard.Core.Iam.Evaluation;

/// <summary>
/// Checks context values a person typed against the types AWS gives its global condition keys. A value
/// of the wrong type never matches a condition (aws:MultiFactorAuthPresent=yes is not true), so the
/// evaluator would quietly answer "denied"; saying so is kinder. Keys AWS always sends with one value
/// are refused when given twice. Keys it does not know are taken as they come.
/// </summary>
public static class ContextValueCheck
{
    private enum ValueType { Text, Bool, Date, Number, DateOrNumber, Ip }

    // Typed global keys (AWS global condition context keys reference) and the single-valued string ones.
    private static readonly Dictionary<string, ValueType> SingleValued = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aws:MultiFactorAuthPresent"] = ValueType.Bool,
        ["aws:SecureTransport"] = ValueType.Bool,
        ["aws:ViaAWSService"] = ValueType.Bool,
        ["aws:PrincipalIsAWSService"] = ValueType.Bool,
        ["aws:CurrentTime"] = ValueType.Date,
        ["aws:TokenIssueTime"] = ValueType.Date,
        ["aws:EpochTime"] = ValueType.DateOrNumber,
        ["aws:MultiFactorAuthAge"] = ValueType.Number,
        ["aws:SourceIp"] = ValueType.Ip,
        ["aws:VpcSourceIp"] = ValueType.Ip,
        ["aws:RequestedRegion"] = ValueType.Text,
        ["aws:PrincipalArn"] = ValueType.Text,
        ["aws:PrincipalAccount"] = ValueType.Text,
        ["aws:PrincipalOrgID"] = ValueType.Text,
        ["aws:PrincipalType"] = ValueType.Text,
        ["aws:username"] = ValueType.Text,
        ["aws:userid"] = ValueType.Text,
        ["aws:SourceVpc"] = ValueType.Text,
        ["aws:SourceVpce"] = ValueType.Text,
        ["aws:SourceAccount"] = ValueType.Text,
        ["aws:SourceArn"] = ValueType.Text,
        ["aws:ResourceAccount"] = ValueType.Text,
    };

    /// <summary>The first problem with <paramref name="keys"/> as a sentence naming the key, or null.</summary>
    public static string? Check(ContextKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys.Keys)
        {
            // Context keys are service:name or aws:name, maybe with a /tag-key suffix (aws:PrincipalTag/team).
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == key.Length - 1)
            {
                return $"context key '{key}' is not prefix:name (e.g. aws:SourceIp or s3:prefix)";
            }

            keys.TryGetValues(key, out var values);
            if (!SingleValued.TryGetValue(key, out var type))
            {
                continue;
            }

            if (values.Count > 1)
            {
                return $"context key {key} takes one value, not {values.Count} ({string.Join(", ", values)})";
            }

            if (values.Count == 1 && Expectation(type, values[0]) is { } expected)
            {
                return $"context {key}={values[0]} is not {expected}";
            }
        }

        return null;
    }

    /// <summary>What the value should have been, or null when it is fine.</summary>
    private static string? Expectation(ValueType type, string value) => type switch
    {
        ValueType.Bool when !ConditionValue.TryParseBool(value, out _) => "true or false",
        ValueType.Date when !ConditionValue.TryParseDate(value, out _) => "a date and time (ISO 8601, e.g. 2025-01-31T12:00:00Z)",
        ValueType.DateOrNumber when !ConditionValue.TryParseDate(value, out _) => "epoch seconds or an ISO 8601 date",
        ValueType.Number when !ConditionValue.TryParseNumber(value, out _) => "a number (seconds)",
        ValueType.Ip when !IpRange.TryParseAddress(value, out _) => "one IP address (e.g. 203.0.113.7; a request comes from one address, not a range)",
        _ => null,
    };
}
