using Dashboard.Data.Iam;

namespace Dashboard.Web.Iam;

/// <summary>
/// The lists' sort in the URL (<c>sort=risks&amp;dir=desc</c>). Names map to fields through fixed tables, so a
/// crafted value can only be ignored (with a warning), never reach a query; a missing direction takes the
/// field's natural one (counts, severities and dates worst or newest first, text A to Z).
/// </summary>
public static class IamSortLinks
{
    public const string SortParameter = "sort";
    public const string DirectionParameter = "dir";

    public static readonly IReadOnlyDictionary<string, IamPrincipalSortField> PrincipalFields = new Dictionary<string, IamPrincipalSortField>(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = IamPrincipalSortField.Name,
        ["account"] = IamPrincipalSortField.Account,
        ["kind"] = IamPrincipalSortField.Kind,
        ["created"] = IamPrincipalSortField.Created,
        ["last-used"] = IamPrincipalSortField.LastUsed,
        ["risks"] = IamPrincipalSortField.RiskCount,
        ["severity"] = IamPrincipalSortField.Severity,
    };

    public static readonly IReadOnlyDictionary<string, IamRiskSortField> RiskFields = new Dictionary<string, IamRiskSortField>(StringComparer.OrdinalIgnoreCase)
    {
        ["severity"] = IamRiskSortField.Severity,
        ["check"] = IamRiskSortField.Check,
        ["resource"] = IamRiskSortField.Resource,
        ["account"] = IamRiskSortField.Account,
    };

    public static bool NaturallyDescending(IamPrincipalSortField field)
        => field is IamPrincipalSortField.RiskCount or IamPrincipalSortField.Severity or IamPrincipalSortField.LastUsed or IamPrincipalSortField.Created;

    public static bool NaturallyDescending(IamRiskSortField field) => field == IamRiskSortField.Severity;

    /// <summary>The URL name of a field (the key of its table); null for a value outside the enum.</summary>
    public static string? Name(IamPrincipalSortField field) => PrincipalFields.FirstOrDefault(p => p.Value == field).Key;

    public static string? Name(IamRiskSortField field) => RiskFields.FirstOrDefault(p => p.Value == field).Key;

    public static string Direction(bool descending) => descending ? "desc" : "asc";

    /// <summary>The sort a column header links to: the other direction when the list is sorted by it already, else its natural one.</summary>
    public static IamSort<TField> Next<TField>(IamSort<TField> effective, TField field, bool naturallyDescending)
        where TField : struct, Enum
        => EqualityComparer<TField>.Default.Equals(effective.Field, field)
            ? new IamSort<TField>(field, !effective.Descending)
            : new IamSort<TField>(field, naturallyDescending);

    public static IamSort<TField>? Parse<TField>(
        IReadOnlyDictionary<string, TField> fields, Func<TField, bool> naturallyDescending, string? sort, string? direction, List<string> warnings)
        where TField : struct, Enum
    {
        var name = sort?.Trim() ?? "";
        var dir = direction?.Trim() ?? "";
        if (name.Length == 0)
        {
            if (dir.Length > 0) warnings.Add($"{DirectionParameter} '{dir}' needs a {SortParameter}");
            return null;
        }

        if (!fields.TryGetValue(name, out var field))
        {
            warnings.Add($"{SortParameter} '{name}' is not one of {string.Join(", ", fields.Keys)}");
            return null;
        }

        if (dir.Length == 0) return new IamSort<TField>(field, naturallyDescending(field));
        if (dir.Equals("asc", StringComparison.OrdinalIgnoreCase)) return new IamSort<TField>(field, false);
        if (dir.Equals("desc", StringComparison.OrdinalIgnoreCase)) return new IamSort<TField>(field, true);
        warnings.Add($"{DirectionParameter} '{dir}' is not asc or desc");
        return new IamSort<TField>(field, naturallyDescending(field));
    }
}
