using System.Text;
using System.Text.RegularExpressions;
using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Iam;

namespace Dashboard.Web.Iam;

/// <summary>A filter read from a URL, with what was ignored in it (so a mistyped link says so instead of failing).</summary>
public sealed record ParsedFilter<T>(T Filter, IReadOnlyList<string> Warnings);

/// <summary>
/// The IAM pages' URLs. ARNs contain ':' and '/', so they travel as escaped query parameters; filters live
/// in the query string so a filtered view is a link a colleague can open.
/// </summary>
public static partial class IamLinks
{
    public const string OverviewPath = "/iam";
    public const string RisksPath = "/iam/risks";
    public const string PrincipalPath = "/iam/principal";
    public const string CanPath = "/iam/can";
    public const string TrustPath = "/iam/trust";

    /// <summary>The trust page's "account" value for the organization-wide view.</summary>
    public const string AllAccounts = "all";

    public static string Overview(IamPrincipalFilter? filter = null)
    {
        var query = new QueryBuilder();
        if (filter is not null)
        {
            query.AddAll("account", filter.AccountIds);
            query.AddAll("kind", filter.Kinds.Select(k => k.ToString()));
            query.Add("q", filter.Text);
            if (filter.OnlyWithRisks) query.Add("risky", "true");
            if (filter.Sort is { } sort && IamSortLinks.Name(sort.Field) is { } name)
            {
                query.Add(IamSortLinks.SortParameter, name).Add(IamSortLinks.DirectionParameter, IamSortLinks.Direction(sort.Descending));
            }
        }

        return query.ToUrl(OverviewPath);
    }

    public static string Risks(IamRiskFilter? filter = null)
    {
        var query = new QueryBuilder();
        if (filter is not null)
        {
            query.AddAll("account", filter.AccountIds);
            query.AddAll("rule", filter.RuleIds);
            query.AddAll("severity", filter.Severities.Select(s => s.ToString()));
            query.AddAll("category", filter.Categories.Select(c => c.ToString()));
            query.AddAll("status", filter.Statuses.Select(s => s.ToString()));
            query.Add("arn", filter.ResourceArn);
            query.Add("q", filter.Text);
            if (filter.Sort is { } sort && IamSortLinks.Name(sort.Field) is { } name)
            {
                query.Add(IamSortLinks.SortParameter, name).Add(IamSortLinks.DirectionParameter, IamSortLinks.Direction(sort.Descending));
            }
        }

        return query.ToUrl(RisksPath);
    }

    /// <summary>A principal's page; with <paramref name="region"/>, its answers re-checked for requests to that Region too.</summary>
    public static string Principal(string accountId, string arn, string? region = null)
        => new QueryBuilder().Add("account", accountId).Add("arn", arn).Add("region", region).ToUrl(PrincipalPath);

    /// <summary>
    /// "Can P do A on R?" (or, with <paramref name="whoCan"/>, "who can do A on R?") with its inputs filled in; with
    /// <paramref name="region"/>, the answer is re-checked for a request to that Region too.
    /// </summary>
    public static string Can(string? accountId, string? principal = null, string? action = null, string? resource = null,
        IEnumerable<string>? context = null, bool whoCan = false, string? region = null)
    {
        var query = new QueryBuilder().Add("account", accountId).Add("principal", principal).Add("action", action).Add("resource", resource);
        query.AddAll("ctx", context ?? []);
        if (whoCan) query.Add("tab", "who");
        query.Add("region", region);
        return query.ToUrl(CanPath);
    }

    public static string Trust(string? accountId, bool crossAccountOnly = false)
    {
        var query = new QueryBuilder().Add("account", accountId);
        if (crossAccountOnly) query.Add("cross", "true");
        return query.ToUrl(TrustPath);
    }

    /// <summary>Reads the principals filter of the IAM page from its query values.</summary>
    public static ParsedFilter<IamPrincipalFilter> ParsePrincipalFilter(
        string[]? accounts, string[]? kinds, string? text, string? risky, string? sort = null, string? direction = null)
    {
        var warnings = new List<string>();
        var filter = new IamPrincipalFilter
        {
            AccountIds = Accounts(accounts, warnings),
            Kinds = Enums<IamPrincipalKind>("kind", kinds, warnings),
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            OnlyWithRisks = Flag("risky", risky, warnings),
            Sort = IamSortLinks.Parse(IamSortLinks.PrincipalFields, IamSortLinks.NaturallyDescending, sort, direction, warnings),
        };
        return new ParsedFilter<IamPrincipalFilter>(filter, warnings);
    }

    /// <summary>Reads the risks list filter from its query values.</summary>
    public static ParsedFilter<IamRiskFilter> ParseRiskFilter(
        string[]? accounts, string[]? rules, string[]? severities, string[]? categories, string[]? statuses, string? arn, string? text,
        string? sort = null, string? direction = null)
    {
        var warnings = new List<string>();
        var filter = new IamRiskFilter
        {
            AccountIds = Accounts(accounts, warnings),
            RuleIds = [.. (rules ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal)],
            Severities = Enums<Severity>("severity", severities, warnings),
            Categories = Enums<RiskCategory>("category", categories, warnings),
            Statuses = Enums<RiskStatus>("status", statuses, warnings),
            ResourceArn = string.IsNullOrWhiteSpace(arn) ? null : arn.Trim(),
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            Sort = IamSortLinks.Parse(IamSortLinks.RiskFields, IamSortLinks.NaturallyDescending, sort, direction, warnings),
        };
        return new ParsedFilter<IamRiskFilter>(filter, warnings);
    }

    /// <summary>The canonical text of a filter: two filters are the same view when their URLs are equal.</summary>
    public static string Key(IamPrincipalFilter filter) => Overview(filter);

    public static string Key(IamRiskFilter filter) => Risks(filter);

    public static bool IsAccountId(string? value) => value is not null && AccountIdPattern().IsMatch(value);

    private static List<string> Accounts(string[]? values, List<string> warnings)
    {
        var accounts = new List<string>();
        foreach (var raw in values ?? [])
        {
            var value = raw?.Trim() ?? "";
            if (value.Length == 0) continue;
            if (!IsAccountId(value))
            {
                warnings.Add($"account '{value}' is not a 12-digit AWS account id");
                continue;
            }

            if (!accounts.Contains(value, StringComparer.Ordinal)) accounts.Add(value);
        }

        return accounts;
    }

    private static List<TEnum> Enums<TEnum>(string name, string[]? values, List<string> warnings) where TEnum : struct, Enum
    {
        var parsed = new List<TEnum>();
        foreach (var raw in values ?? [])
        {
            var value = raw?.Trim() ?? "";
            if (value.Length == 0) continue;
            // Enum.TryParse also accepts numbers ("7"), which no link of ours contains: only names count.
            if (!Enum.GetNames<TEnum>().Contains(value, StringComparer.OrdinalIgnoreCase) || !Enum.TryParse<TEnum>(value, ignoreCase: true, out var item))
            {
                warnings.Add($"{name} '{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}");
                continue;
            }

            if (!parsed.Contains(item)) parsed.Add(item);
        }

        return parsed;
    }

    private static bool Flag(string name, string? value, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        if (bool.TryParse(value.Trim(), out var flag)) return flag;
        warnings.Add($"{name} '{value}' is not true or false");
        return false;
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountIdPattern();

    private sealed class QueryBuilder
    {
        private readonly StringBuilder _query = new();

        public QueryBuilder Add(string name, string? value)
        {
            if (string.IsNullOrEmpty(value)) return this;
            _query.Append(_query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            return this;
        }

        public QueryBuilder AddAll(string name, IEnumerable<string> values)
        {
            foreach (var value in values) Add(name, value);
            return this;
        }

        public string ToUrl(string path) => path + _query;
    }
}
