namespace Dashboard.Aws.SecurityHub;

/// <summary>AwsSecurityFindingFilters: per field name, the filters of that field's type.</summary>
public sealed class FindingFilters
{
    public Dictionary<string, List<StringFilter>> Strings { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<DateFilter>> Dates { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<NumberFilter>> Numbers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<MapFilter>> Maps { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Strings.Count + Dates.Count + Numbers.Count + Maps.Count == 0;

    public FindingFilters Add(string field, StringFilter filter) => Add(Strings, field, filter);
    public FindingFilters Add(string field, DateFilter filter) => Add(Dates, field, filter);
    public FindingFilters Add(string field, NumberFilter filter) => Add(Numbers, field, filter);
    public FindingFilters Add(string field, MapFilter filter) => Add(Maps, field, filter);

    private FindingFilters Add<T>(Dictionary<string, List<T>> byField, string field, T filter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentNullException.ThrowIfNull(filter);
        if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
        list.Add(filter);
        return this;
    }
}
