using System.Text;

namespace Dashboard.Core.Findings;

/// <summary>A filter read from a URL query or the command line, with what was dropped and why.</summary>
public sealed record FindingFilterParseResult(FindingFilter Filter, IReadOnlyList<string> Warnings);

/// <summary>
/// <see cref="FindingFilter"/> ⇄ URL query string, so a filtered findings view is a link that can be
/// shared, and the command line takes the same filters (<c>--severity CRITICAL,HIGH</c>).
/// </summary>
/// <remarks>
/// Keys: <c>severity, account, region, product, workflow, compliance, state, type, control, q,
/// archived, sort, desc</c> (case-insensitive; other keys are ignored, so a page can keep its own).
/// List values are comma-separated, and repeating a key adds values; a comma or backslash inside a
/// value is written <c>\,</c> or <c>\\</c>. Crafted input never throws: unknown or malformed values are
/// dropped with a warning, at most <see cref="MaxValuesPerField"/> values per field and
/// <see cref="MaxValueLength"/> characters per value are kept. Parsed filters are canonical (values
/// de-duplicated and sorted), and <see cref="ToQueryString"/> writes the canonical form, so
/// <c>Parse(ToQueryString(f)).Filter</c> equals <see cref="Normalize"/>(f).
/// </remarks>
public static class FindingFilterQuery
{
    public const int MaxValuesPerField = 50;
    public const int MaxValueLength = 200;
    public const int MaxParameters = 200;
    public const int MaxWarnings = 20;

    private static readonly string[] WorkflowValues = ["NEW", "NOTIFIED", "SUPPRESSED", "RESOLVED"];
    private static readonly string[] ComplianceValues = ["PASSED", "FAILED", "WARNING", "NOT_AVAILABLE"];
    private static readonly string[] RecordStateValues = ["ACTIVE", "ARCHIVED"];

    private static readonly (string Name, FindingSortField Field)[] SortNames =
    [
        ("severity", FindingSortField.Severity),
        ("updated", FindingSortField.UpdatedAt),
        ("created", FindingSortField.CreatedAt),
        ("title", FindingSortField.Title),
        ("account", FindingSortField.AccountId),
        ("region", FindingSortField.Region),
        ("product", FindingSortField.ProductName),
        ("control", FindingSortField.ControlId),
        ("workflow", FindingSortField.WorkflowStatus),
        ("compliance", FindingSortField.ComplianceStatus),
        ("type", FindingSortField.ResourceType),
    ];

    private static readonly string[] ListKeys = ["severity", "account", "region", "product", "workflow", "compliance", "state", "type", "control"];

    /// <summary>Reads a filter from decoded query pairs (as ASP.NET Core or a command line supplies them).</summary>
    public static FindingFilterParseResult Parse(IEnumerable<KeyValuePair<string, string?>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var warnings = new WarningList();
        var lists = new Dictionary<string, RawValues>(StringComparer.Ordinal);
        string? text = null, archived = null, sort = null, desc = null;
        var parameters = 0;

        foreach (var (rawKey, value) in query)
        {
            if (++parameters > MaxParameters)
            {
                warnings.Add($"only the first {MaxParameters} query parameters are read");
                break;
            }

            var key = CanonicalKey(rawKey);
            if (key is null || value is null)
            {
                continue;
            }

            switch (key)
            {
                case "q": text = value; break;
                case "archived": archived = value; break;
                case "sort": sort = value; break;
                case "desc": desc = value; break;
                default:
                    if (!lists.TryGetValue(key, out var raw))
                    {
                        lists[key] = raw = new RawValues();
                    }

                    raw.Add(value);
                    break;
            }
        }

        foreach (var (key, raw) in lists)
        {
            if (raw.TooLong > 0)
            {
                warnings.Add($"{key}: {raw.TooLong} value(s) longer than {MaxValueLength} characters ignored");
            }

            if (raw.Overflow)
            {
                warnings.Add($"{key}: more than {MaxValuesPerField} values given; only the first {MaxValuesPerField} are used");
            }
        }

        var filter = new FindingFilter
        {
            Severities = Severities(Values(lists, "severity"), warnings),
            AccountIds = FreeText("account", Values(lists, "account"), warnings),
            Regions = FreeText("region", Values(lists, "region"), warnings),
            ProductNames = FreeText("product", Values(lists, "product"), warnings),
            WorkflowStatuses = OneOf("workflow", Values(lists, "workflow"), WorkflowValues, warnings),
            ComplianceStatuses = OneOf("compliance", Values(lists, "compliance"), ComplianceValues, warnings),
            RecordStates = OneOf("state", Values(lists, "state"), RecordStateValues, warnings),
            ResourceTypes = FreeText("type", Values(lists, "type"), warnings),
            ControlIds = FreeText("control", Values(lists, "control"), warnings),
            Text = SearchText(text, warnings),
            IncludeArchived = Bool("archived", archived, false, warnings),
            SortBy = SortField(sort, warnings),
            SortDescending = Bool("desc", desc, true, warnings),
        };

        return new FindingFilterParseResult(filter, warnings.ToList());
    }

    /// <summary>Reads a raw query string (<c>?a=b&amp;c=d</c>, percent-encoded, '+' for space), or a URL with one.</summary>
    public static FindingFilterParseResult Parse(string? queryString) => Parse(SplitQuery(queryString ?? ""));

    /// <summary>
    /// The canonical query string for a filter, without a leading '?'; "" for the default filter.
    /// Values a URL cannot carry are left out, exactly as <see cref="Normalize"/> leaves them out.
    /// </summary>
    public static string ToQueryString(FindingFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var f = Normalize(filter);
        var parts = new List<string>();
        AddList(parts, "severity", f.Severities.Select(SeverityMapping.ToLabel));
        AddList(parts, "account", f.AccountIds);
        AddList(parts, "region", f.Regions);
        AddList(parts, "product", f.ProductNames);
        AddList(parts, "workflow", f.WorkflowStatuses);
        AddList(parts, "compliance", f.ComplianceStatuses);
        AddList(parts, "state", f.RecordStates);
        AddList(parts, "type", f.ResourceTypes);
        AddList(parts, "control", f.ControlIds);
        if (f.Text is not null)
        {
            parts.Add("q=" + PercentEncode(f.Text));
        }

        if (f.IncludeArchived)
        {
            parts.Add("archived=true");
        }

        if (f.SortBy != FindingSortField.Severity)
        {
            parts.Add("sort=" + SortName(f.SortBy));
        }

        if (!f.SortDescending)
        {
            parts.Add("desc=false");
        }

        return string.Join('&', parts);
    }

    /// <summary>
    /// The canonical form of a filter: invalid values dropped, values de-duplicated and sorted
    /// (severities most severe first, other values ordinally), lists capped, search text cleaned.
    /// </summary>
    public static FindingFilter Normalize(FindingFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var ignored = new WarningList();
        return filter with
        {
            Severities = Cap((filter.Severities ?? []).Where(Enum.IsDefined).Distinct().OrderByDescending(s => s)),
            AccountIds = FreeText("account", filter.AccountIds, ignored),
            Regions = FreeText("region", filter.Regions, ignored),
            ProductNames = FreeText("product", filter.ProductNames, ignored),
            WorkflowStatuses = OneOf("workflow", filter.WorkflowStatuses, WorkflowValues, ignored),
            ComplianceStatuses = OneOf("compliance", filter.ComplianceStatuses, ComplianceValues, ignored),
            RecordStates = OneOf("state", filter.RecordStates, RecordStateValues, ignored),
            ResourceTypes = FreeText("type", filter.ResourceTypes, ignored),
            ControlIds = FreeText("control", filter.ControlIds, ignored),
            Text = SearchText(filter.Text, ignored),
            SortBy = Enum.IsDefined(filter.SortBy) ? filter.SortBy : FindingSortField.Severity,
        };
    }

    private static IReadOnlyList<string> Values(Dictionary<string, RawValues> lists, string key) =>
        lists.TryGetValue(key, out var raw) ? raw.Values : [];

    private static string? CanonicalKey(string? key)
    {
        if (key is null || key.Length > 20)
        {
            return null;
        }

        var trimmed = key.Trim();
        foreach (var known in ListKeys)
        {
            if (trimmed.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        foreach (var known in (string[])["q", "archived", "sort", "desc"])
        {
            if (trimmed.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }

    private static List<Severity> Severities(IEnumerable<string> values, WarningList warnings)
    {
        var result = new List<Severity>();
        foreach (var value in values)
        {
            if (SeverityMapping.TryParseLabel(value, out var severity))
            {
                result.Add(severity);
            }
            else
            {
                warnings.Add($"severity: unknown value '{JsonText.Preview(value, 40)}' ignored (use {string.Join(", ", SeverityMapping.Labels)})");
            }
        }

        return Cap(result.Distinct().OrderByDescending(s => s));
    }

    private static List<string> OneOf(string key, IEnumerable<string>? values, string[] allowed, WarningList warnings)
    {
        var result = new List<string>();
        foreach (var value in values ?? [])
        {
            var upper = value?.Trim().ToUpperInvariant() ?? "";
            if (upper.Length == 0)
            {
                continue;
            }

            if (Array.IndexOf(allowed, upper) >= 0)
            {
                result.Add(upper);
            }
            else
            {
                warnings.Add($"{key}: unknown value '{JsonText.Preview(value!, 40)}' ignored (use {string.Join(", ", allowed)})");
            }
        }

        return Cap(result.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    private static List<string> FreeText(string key, IEnumerable<string>? values, WarningList warnings)
    {
        var result = new List<string>();
        foreach (var value in values ?? [])
        {
            var trimmed = value?.Trim() ?? "";
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (trimmed.Length > MaxValueLength)
            {
                warnings.Add($"{key}: a value longer than {MaxValueLength} characters ignored");
            }
            else if (JsonText.HasControlOrLoneSurrogate(trimmed))
            {
                warnings.Add($"{key}: value '{JsonText.Preview(trimmed, 40)}' ignored: it has control characters or invalid Unicode");
            }
            else
            {
                result.Add(trimmed);
            }
        }

        return Cap(result.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    /// <summary>Free text keeps its meaning when cleaned: control characters go, length is capped.</summary>
    private static string? SearchText(string? text, WarningList warnings)
    {
        if (text is null)
        {
            return null;
        }

        var cleaned = text;
        if (JsonText.HasControlOrLoneSurrogate(text))
        {
            warnings.Add("q: control characters and invalid Unicode removed from the search text");
            cleaned = RemoveControlAndLoneSurrogates(text);
        }

        cleaned = cleaned.Trim();
        if (cleaned.Length > MaxValueLength)
        {
            warnings.Add($"q: search text cut to {MaxValueLength} characters");
            // Never cut between the two halves of a surrogate pair.
            var cut = char.IsHighSurrogate(cleaned[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;
            cleaned = cleaned[..cut].Trim();
        }

        return cleaned.Length == 0 ? null : cleaned;
    }

    private static string RemoveControlAndLoneSurrogates(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool Bool(string key, string? value, bool fallback, WarningList warnings)
    {
        if (value is null)
        {
            return fallback;
        }

        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on": return true;
            case "false" or "0" or "no" or "off": return false;
            default:
                warnings.Add($"{key}: '{JsonText.Preview(value, 40)}' is not true or false; using {(fallback ? "true" : "false")}");
                return fallback;
        }
    }

    private static FindingSortField SortField(string? value, WarningList warnings)
    {
        if (value is null)
        {
            return FindingSortField.Severity;
        }

        var trimmed = value.Trim();
        foreach (var (name, field) in SortNames)
        {
            if (trimmed.Equals(name, StringComparison.OrdinalIgnoreCase)
                || trimmed.Equals(field.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return field;
            }
        }

        warnings.Add($"sort: unknown field '{JsonText.Preview(value, 40)}' ignored (use {string.Join(", ", SortNames.Select(s => s.Name))})");
        return FindingSortField.Severity;
    }

    private static string SortName(FindingSortField field) => Array.Find(SortNames, s => s.Field == field).Name ?? "severity";

    private static List<T> Cap<T>(IEnumerable<T> values) => values.Take(MaxValuesPerField).ToList();

    private static void AddList(List<string> parts, string key, IEnumerable<string> values)
    {
        var encoded = values.Select(v => PercentEncode(EscapeValue(v))).ToList();
        if (encoded.Count > 0)
        {
            parts.Add(key + "=" + string.Join(',', encoded));
        }
    }

    private static string EscapeValue(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal);

    /// <summary>RFC 3986 percent-encoding of UTF-8; unlike Uri.EscapeDataString it cannot throw.</summary>
    private static string PercentEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<KeyValuePair<string, string?>> SplitQuery(string query)
    {
        var start = query.IndexOf('?');
        if (start >= 0)
        {
            query = query[(start + 1)..];
        }

        var hash = query.IndexOf('#');
        if (hash >= 0)
        {
            query = query[..hash];
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            yield return new(Decode(key), Decode(value));
        }
    }

    // '+' is a space in form-style queries; a literal plus arrives as %2B, which is decoded after.
    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    /// <summary>Splits one raw value on unescaped commas, bounding both the count and the length kept.</summary>
    private sealed class RawValues
    {
        private readonly List<string> _values = [];

        public IReadOnlyList<string> Values => _values;
        public bool Overflow { get; private set; }
        public int TooLong { get; private set; }

        public void Add(string raw)
        {
            var token = new StringBuilder();
            var tooLong = false;
            for (var i = 0; i <= raw.Length && !Overflow; i++)
            {
                if (i == raw.Length || raw[i] == ',')
                {
                    Finish(token, tooLong);
                    token.Clear();
                    tooLong = false;
                    continue;
                }

                var c = raw[i];
                if (c == '\\' && i + 1 < raw.Length)
                {
                    c = raw[++i];
                }

                if (token.Length < MaxValueLength + 1)
                {
                    token.Append(c);
                }
                else
                {
                    tooLong = true;
                }
            }
        }

        private void Finish(StringBuilder token, bool tooLong)
        {
            if (tooLong || token.Length > MaxValueLength)
            {
                TooLong++;
                return;
            }

            var value = token.ToString().Trim();
            if (value.Length == 0)
            {
                return;
            }

            if (_values.Count == MaxValuesPerField)
            {
                Overflow = true;
                return;
            }

            _values.Add(value);
        }
    }

    /// <summary>Keeps the first warnings and counts the rest, so 10,000 bad values give a short list.</summary>
    private sealed class WarningList
    {
        private readonly List<string> _warnings = [];
        private int _suppressed;

        public void Add(string warning)
        {
            if (_warnings.Count < MaxWarnings)
            {
                _warnings.Add(warning);
            }
            else
            {
                _suppressed++;
            }
        }

        public List<string> ToList()
        {
            var list = new List<string>(_warnings);
            if (_suppressed > 0)
            {
                list.Add($"… and {_suppressed} more warning(s)");
            }

            return list;
        }
    }
}
