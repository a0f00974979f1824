namespace Dashboard.Core.Iam.Policies;

/// <summary>The base condition operators (IAM User Guide, "Condition operators").</summary>
public enum ConditionOperatorKind
{
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

/// <summary>The set prefix for multivalued keys.</summary>
public enum SetQualifier
{
    None,
    ForAllValues,
    ForAnyValue,
}

internal enum ConditionFamily
{
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    IpAddress,
    Arn,
    Null,
}

/// <summary>A full operator such as <c>ForAnyValue:StringLikeIfExists</c>.</summary>
public readonly record struct ConditionOperator(ConditionOperatorKind Kind, SetQualifier Set, bool IfExists)
{
    private const string IfExistsSuffix = "IfExists";

    /// <summary>
    /// Negated operators are true when the key is absent (IAM User Guide: "If the policy condition
    /// requires that the key is not matched, such as StringNotLike or ArnNotLike, and the right key
    /// is not present, the condition is true").
    /// </summary>
    public bool IsNegated => Kind is ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringNotEqualsIgnoreCase
        or ConditionOperatorKind.StringNotLike or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.DateNotEquals
        or ConditionOperatorKind.NotIpAddress or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike;

    /// <summary>The canonical spelling, e.g. <c>ForAllValues:StringNotEqualsIfExists</c>.</summary>
    public string Name => (Set == SetQualifier.None ? string.Empty : Set + ":") + Kind + (IfExists ? IfExistsSuffix : string.Empty);

    internal ConditionFamily Family => Kind switch
    {
        <= ConditionOperatorKind.StringNotLike => ConditionFamily.String,
        <= ConditionOperatorKind.NumericGreaterThanEquals => ConditionFamily.Numeric,
        <= ConditionOperatorKind.DateGreaterThanEquals => ConditionFamily.Date,
        ConditionOperatorKind.Bool => ConditionFamily.Bool,
        ConditionOperatorKind.BinaryEquals => ConditionFamily.Binary,
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => ConditionFamily.IpAddress,
        ConditionOperatorKind.Null => ConditionFamily.Null,
        _ => ConditionFamily.Arn,
    };

    /// <summary>
    /// Reads an operator name. Matching is case-insensitive so that a policy AWS would accept is not
    /// rejected here; <paramref name="canonicalCase"/> tells whether it was written the documented way.
    /// </summary>
    public static bool TryParse(string text, out ConditionOperator op, out bool canonicalCase)
    {
        op = default;
        canonicalCase = false;
        var rest = text.AsSpan().Trim();

        // Enum.TryParse would read "A,B" as a combination of values: no operator has a comma or a space.
        if (rest.ContainsAny(", "))
        {
            return false;
        }

        var set = SetQualifier.None;
        var colon = rest.IndexOf(':');
        if (colon >= 0)
        {
            if (!Enum.TryParse(rest[..colon], ignoreCase: true, out set) || set == SetQualifier.None)
            {
                return false;
            }

            rest = rest[(colon + 1)..];
        }

        var ifExists = rest.EndsWith(IfExistsSuffix, StringComparison.OrdinalIgnoreCase) && rest.Length > IfExistsSuffix.Length;
        if (ifExists)
        {
            rest = rest[..^IfExistsSuffix.Length];
        }

        // Enum.TryParse also accepts numbers; an operator is never a number.
        if (rest.Length == 0 || char.IsDigit(rest[0]) || !Enum.TryParse(rest, ignoreCase: true, out ConditionOperatorKind kind))
        {
            return false;
        }

        // Null tests existence itself; "NullIfExists" is not an operator.
        if (kind == ConditionOperatorKind.Null && ifExists)
        {
            return false;
        }

        op = new ConditionOperator(kind, set, ifExists);
        canonicalCase = string.Equals(op.Name, text.Trim(), StringComparison.Ordinal);
        return true;
    }

    public override string ToString() => Name;
}
