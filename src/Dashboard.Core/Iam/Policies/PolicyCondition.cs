using System.Globalization;
using Dashboard.Core.Iam.Matching;

namespace Dashboard.Core.Iam.Policies;

/// <summary>
/// One operator applied to one context key with its policy values, e.g.
/// <c>"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}</c>. Values are
/// precompiled for their operator family (numbers, dates, CIDR blocks, globs, ARN patterns).
/// </summary>
public sealed class PolicyCondition
{
    internal PolicyCondition(ConditionOperator op, string key, IReadOnlyList<string> values, IReadOnlyList<ConditionValue> compiled)
    {
        Operator = op;
        Key = key;
        Values = values;
        Compiled = compiled;
    }

    public ConditionOperator Operator { get; }

    /// <summary>The context key as written; keys are compared case-insensitively.</summary>
    public string Key { get; }

    /// <summary>The policy's values as text (booleans and numbers in their JSON spelling).</summary>
    public IReadOnlyList<string> Values { get; }

    internal IReadOnlyList<ConditionValue> Compiled { get; }
}

/// <summary>A policy value read once for its operator family.</summary>
internal sealed class ConditionValue
{
    private ConditionValue(string raw) => Raw = raw;

    public string Raw { get; }

    /// <summary>Set when the value holds policy variables; it is then compiled per request.</summary>
    public PolicyVariableTemplate? Template { get; private init; }

    public WildcardPattern? Glob { get; private init; }

    public ArnPattern? Arn { get; private init; }

    public decimal Number { get; private init; }

    public DateTimeOffset Date { get; private init; }

    public bool Boolean { get; private init; }

    public byte[]? Binary { get; private init; }

    public IpRange? Range { get; private init; }

    public static bool TryCreate(ConditionOperator op, string raw, bool supportsVariables, List<string> warnings, out ConditionValue value, out string? error)
    {
        error = null;
        var family = op.Family;
        if (supportsVariables && family is ConditionFamily.String or ConditionFamily.Arn)
        {
            var template = PolicyVariableTemplate.TryParse(raw, out var warning);
            if (warning is not null)
            {
                warnings.Add(warning);
            }

            if (template is not null)
            {
                value = new ConditionValue(raw) { Template = template };
                return true;
            }
        }

        ConditionValue? compiled = family switch
        {
            ConditionFamily.String when op.Kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike =>
                new ConditionValue(raw) { Glob = WildcardPattern.Compile(raw) },
            ConditionFamily.Arn => new ConditionValue(raw) { Arn = ArnPattern.Compile(raw) },
            ConditionFamily.Numeric when TryParseNumber(raw, out var number) => new ConditionValue(raw) { Number = number },
            ConditionFamily.Date when TryParseDate(raw, out var date) => new ConditionValue(raw) { Date = date },
            ConditionFamily.Bool or ConditionFamily.Null when TryParseBool(raw, out var flag) => new ConditionValue(raw) { Boolean = flag },
            ConditionFamily.Binary when TryParseBase64(raw, out var bytes) => new ConditionValue(raw) { Binary = bytes },
            ConditionFamily.IpAddress when IpRange.TryParse(raw, out var range) => new ConditionValue(raw) { Range = range },
            ConditionFamily.String => new ConditionValue(raw),
            _ => null,
        };

        value = compiled ?? new ConditionValue(raw);
        if (compiled is not null)
        {
            return true;
        }

        error = family switch
        {
            ConditionFamily.Numeric => $"'{raw}' is not a number",
            ConditionFamily.Date => $"'{raw}' is not a date (ISO 8601 or epoch seconds)",
            ConditionFamily.Bool or ConditionFamily.Null => $"'{raw}' is not true or false",
            ConditionFamily.Binary => $"'{raw}' is not base64",
            _ => $"'{raw}' is not an IPv4 or IPv6 address or CIDR block",
        };
        return false;
    }

    /// <summary>A string/ARN value after variable substitution (wildcards already as sentinels).</summary>
    public static ConditionValue FromSubstituted(ConditionOperator op, string compiled) => op.Family == ConditionFamily.Arn
        ? new ConditionValue(compiled) { Arn = ArnPattern.FromCompiled(compiled) }
        : op.Kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike
            ? new ConditionValue(compiled) { Glob = WildcardPattern.FromCompiled(compiled) }
            : new ConditionValue(compiled);

    public static bool TryParseNumber(string text, out decimal number) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    /// <summary>ISO 8601 (a missing offset means UTC) or epoch seconds, both of which AWS accepts.</summary>
    public static bool TryParseDate(string text, out DateTimeOffset date)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.AsSpan().IndexOfAnyExcept("0123456789.") < 0
            && decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            && seconds <= 253402300799m)
        {
            date = DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
            return true;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);
    }

    public static bool TryParseBool(string text, out bool value)
    {
        value = false;
        if (string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        return string.Equals(text.Trim(), "false", StringComparison.OrdinalIgnoreCase);
    }

    public static bool TryParseBase64(string text, out byte[] bytes)
    {
        bytes = new byte[(text.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(text.Trim(), bytes, out var written))
        {
            Array.Resize(ref bytes, written);
            return true;
        }

        return false;
    }
}
