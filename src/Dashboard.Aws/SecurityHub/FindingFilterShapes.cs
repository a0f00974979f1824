namespace Dashboard.Aws.SecurityHub;

/// <summary>StringFilter {Value, Comparison}. EQUALS, PREFIX, CONTAINS are OR-joined within a field; the NOT_ ones AND-joined.</summary>
public sealed record StringFilter(string Value, string Comparison = StringFilter.EqualsComparison)
{
    public const string EqualsComparison = "EQUALS";

    public static readonly IReadOnlySet<string> Comparisons = new HashSet<string>(StringComparer.Ordinal)
    {
        "EQUALS", "PREFIX", "NOT_EQUALS", "PREFIX_NOT_EQUALS", "CONTAINS", "NOT_CONTAINS", "CONTAINS_WORD",
    };

    public static StringFilter EqualTo(string value) => new(value, EqualsComparison);
    public static StringFilter NotEqualTo(string value) => new(value, "NOT_EQUALS");
    public static StringFilter Prefix(string value) => new(value, "PREFIX");
}

/// <summary>DateFilter: {Start, End} (both sent, ISO-8601 UTC) or {DateRange {Value, Unit}}.</summary>
public sealed record DateFilter
{
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public DateRange? DateRange { get; init; }

    public static DateFilter Between(DateTimeOffset start, DateTimeOffset end) => new() { Start = start, End = end };
    public static DateFilter WithinLastDays(int days) => new() { DateRange = new DateRange(days) };
}

/// <summary>DateRange {Value, Unit}; DAYS is the only unit; Comparison WITHIN (default) or OLDER_THAN.</summary>
public sealed record DateRange(int Value, string Unit = "DAYS", string? Comparison = null);

/// <summary>NumberFilter {Gte, Lte, Eq, Gt, Lt}.</summary>
public sealed record NumberFilter(double? Gte = null, double? Lte = null, double? Eq = null, double? Gt = null, double? Lt = null);

/// <summary>MapFilter {Key, Value, Comparison}, e.g. ProductFields["aws/securityhub/ProductName"].</summary>
public sealed record MapFilter(string Key, string Value, string Comparison = StringFilter.EqualsComparison)
{
    public static readonly IReadOnlySet<string> Comparisons = new HashSet<string>(StringComparer.Ordinal)
    {
        "EQUALS", "NOT_EQUALS", "CONTAINS", "NOT_CONTAINS",
    };
}

/// <summary>SortCriterion {Field, SortOrder asc|desc}.</summary>
public sealed record SortCriterion(string Field, string SortOrder = "asc");
