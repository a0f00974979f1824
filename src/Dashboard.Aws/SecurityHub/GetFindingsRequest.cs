using System.Globalization;
using System.Text.Json;

namespace Dashboard.Aws.SecurityHub;

/// <summary>
/// GetFindings input (POST /findings): {Filters, SortCriteria, MaxResults, NextToken}. <see cref="ToJson"/>
/// checks it against the model and Security Hub's documented limits first, so a bad filter fails here
/// with a sentence naming the field rather than as InvalidInputException from AWS.
/// </summary>
public sealed record GetFindingsRequest
{
    public const int MaxPageSize = 100;
    /// <summary>"You can filter by up to 10 finding attributes. For each attribute, you can provide up to 20 filter values."</summary>
    public const int MaxFilterAttributes = 10;
    public const int MaxValuesPerAttribute = 20;

    public FindingFilters Filters { get; init; } = new();
    public IReadOnlyList<SortCriterion> SortCriteria { get; init; } = [];
    public int MaxResults { get; init; } = MaxPageSize;
    public string? NextToken { get; init; }

    public byte[] ToJson()
    {
        Validate();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (!Filters.IsEmpty) WriteFilters(writer);
            if (SortCriteria.Count > 0)
            {
                writer.WriteStartArray("SortCriteria");
                foreach (var sort in SortCriteria)
                {
                    writer.WriteStartObject();
                    writer.WriteString("Field", sort.Field);
                    writer.WriteString("SortOrder", sort.SortOrder);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteNumber("MaxResults", MaxResults);
            if (!string.IsNullOrEmpty(NextToken)) writer.WriteString("NextToken", NextToken);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Security Hub timestamps: ISO-8601 in UTC with a Z.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private void WriteFilters(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("Filters");
        foreach (var (field, filters) in Filters.Strings)
        {
            writer.WriteStartArray(field);
            foreach (var f in filters)
            {
                writer.WriteStartObject();
                writer.WriteString("Value", f.Value);
                writer.WriteString("Comparison", f.Comparison);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        foreach (var (field, filters) in Filters.Dates)
        {
            writer.WriteStartArray(field);
            foreach (var f in filters)
            {
                writer.WriteStartObject();
                if (f.Start is { } start) writer.WriteString("Start", FormatTimestamp(start));
                if (f.End is { } end) writer.WriteString("End", FormatTimestamp(end));
                if (f.DateRange is { } range)
                {
                    writer.WriteStartObject("DateRange");
                    writer.WriteNumber("Value", range.Value);
                    writer.WriteString("Unit", range.Unit);
                    if (range.Comparison is not null) writer.WriteString("Comparison", range.Comparison);
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        foreach (var (field, filters) in Filters.Numbers)
        {
            writer.WriteStartArray(field);
            foreach (var f in filters)
            {
                writer.WriteStartObject();
                if (f.Gte is { } gte) writer.WriteNumber("Gte", gte);
                if (f.Lte is { } lte) writer.WriteNumber("Lte", lte);
                if (f.Eq is { } eq) writer.WriteNumber("Eq", eq);
                if (f.Gt is { } gt) writer.WriteNumber("Gt", gt);
                if (f.Lt is { } lt) writer.WriteNumber("Lt", lt);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        foreach (var (field, filters) in Filters.Maps)
        {
            writer.WriteStartArray(field);
            foreach (var f in filters)
            {
                writer.WriteStartObject();
                writer.WriteString("Key", f.Key);
                writer.WriteString("Value", f.Value);
                writer.WriteString("Comparison", f.Comparison);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private void Validate()
    {
        if (MaxResults is < 1 or > MaxPageSize)
            throw new ArgumentException($"GetFindings MaxResults must be between 1 and {MaxPageSize} (got {MaxResults}).");

        var attributes = Filters.Strings.Count + Filters.Dates.Count + Filters.Numbers.Count + Filters.Maps.Count;
        if (attributes > MaxFilterAttributes)
            throw new ArgumentException($"GetFindings accepts at most {MaxFilterAttributes} filter attributes (got {attributes}).");

        CheckFields(Filters.Strings, FindingFilterFields.String, "string");
        CheckFields(Filters.Dates, FindingFilterFields.Date, "date");
        CheckFields(Filters.Numbers, FindingFilterFields.Number, "number");
        CheckFields(Filters.Maps, FindingFilterFields.Map, "map");

        foreach (var (field, filters) in Filters.Strings)
        {
            foreach (var f in filters)
            {
                if (string.IsNullOrEmpty(f.Value)) throw new ArgumentException($"GetFindings filter {field} has an empty Value.");
                if (!StringFilter.Comparisons.Contains(f.Comparison))
                    throw new ArgumentException($"GetFindings filter {field} has an unknown Comparison '{f.Comparison}'.");
            }
        }
        foreach (var (field, filters) in Filters.Dates)
        {
            foreach (var f in filters)
            {
                // The API accepts a lone Start or End, but Security Hub's guidance is to send both: we insist.
                var hasBounds = f.Start is not null && f.End is not null;
                var valid = f.DateRange is null ? hasBounds : f.Start is null && f.End is null;
                if (!valid)
                    throw new ArgumentException($"GetFindings date filter {field} needs both Start and End, or a DateRange alone.");
                if (hasBounds && f.Start > f.End)
                    throw new ArgumentException($"GetFindings date filter {field} has Start after End.");
                if (f.DateRange is { } range && (range.Value < 0 || range.Unit != "DAYS" || range.Comparison is not (null or "WITHIN" or "OLDER_THAN")))
                    throw new ArgumentException($"GetFindings date filter {field} needs a DateRange of zero or more DAYS, compared WITHIN or OLDER_THAN.");
            }
        }
        foreach (var (field, filters) in Filters.Numbers)
        {
            foreach (var f in filters)
            {
                double?[] bounds = [f.Gte, f.Lte, f.Eq, f.Gt, f.Lt];
                if (bounds.All(b => b is null)) throw new ArgumentException($"GetFindings number filter {field} has no bound.");
                if (bounds.Any(b => b is { } v && !double.IsFinite(v))) throw new ArgumentException($"GetFindings number filter {field} has a bound that is not a finite number.");
            }
        }
        foreach (var (field, filters) in Filters.Maps)
        {
            foreach (var f in filters)
            {
                if (string.IsNullOrEmpty(f.Key) || string.IsNullOrEmpty(f.Value))
                    throw new ArgumentException($"GetFindings map filter {field} needs a Key and a Value.");
                if (!MapFilter.Comparisons.Contains(f.Comparison))
                    throw new ArgumentException($"GetFindings map filter {field} has an unknown Comparison '{f.Comparison}'.");
            }
        }
        foreach (var sort in SortCriteria)
        {
            if (string.IsNullOrWhiteSpace(sort.Field) || sort.SortOrder is not ("asc" or "desc"))
                throw new ArgumentException($"GetFindings sort criterion '{sort.Field}' needs a Field and a SortOrder of asc or desc.");
        }
    }

    private static void CheckFields<T>(Dictionary<string, List<T>> byField, IReadOnlySet<string> known, string kind)
    {
        foreach (var (field, filters) in byField)
        {
            if (!known.Contains(field))
                throw new ArgumentException($"'{field}' is not a {kind} filter field of Security Hub's AwsSecurityFindingFilters.");
            if (filters.Count is 0 or > MaxValuesPerAttribute)
                throw new ArgumentException($"GetFindings filter {field} must have 1 to {MaxValuesPerAttribute} values (got {filters.Count}).");
        }
    }
}
