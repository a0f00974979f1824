using Dashboard.Core.Findings;
using Microsoft.Extensions.Primitives;

namespace Dashboard.Web.Findings;

/// <summary>
/// The URLs pages link to. Finding ids and product ARNs contain ':' and '/', so they travel as escaped
/// query parameters rather than route segments.
/// </summary>
public static class FindingLinks
{
    public const string FindingsPath = "/findings";
    public const string DetailPath = "/findings/detail";
    public const string ExportCsvPath = "/findings/export.csv";
    public const string ExportJsonPath = "/findings/export.json";

    public static string List(FindingFilter filter) => WithQuery(FindingsPath, filter);

    public static string ExportCsv(FindingFilter filter) => WithQuery(ExportCsvPath, filter);

    public static string ExportJson(FindingFilter filter) => WithQuery(ExportJsonPath, filter);

    public static string Detail(string id, string productArn)
        => $"{DetailPath}?id={Uri.EscapeDataString(id)}&product={Uri.EscapeDataString(productArn)}";

    /// <summary>The canonical query text of a filter; two filters are the same view when these are equal.</summary>
    public static string Key(FindingFilter filter) => FindingFilterQuery.ToQueryString(filter);

    /// <summary>Reads the filter from an absolute or relative URL (the page's address).</summary>
    public static FindingFilterParseResult ParseUrl(string url)
    {
        var queryStart = url.IndexOf('?');
        return queryStart < 0 ? FindingFilterQuery.Parse([]) : FindingFilterQuery.Parse(url[queryStart..]);
    }

    /// <summary>Reads the filter from parsed query values; a repeated key contributes every value.</summary>
    public static FindingFilterParseResult ParseQuery(IEnumerable<KeyValuePair<string, StringValues>> query)
        => FindingFilterQuery.Parse(
            query.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value))));

    private static string WithQuery(string path, FindingFilter filter)
    {
        var query = FindingFilterQuery.ToQueryString(filter);
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}
