using Dashboard.StandIn.Data;

namespace Dashboard.StandIn.SecurityHub;

internal enum Comparison
{
    Equals,
    Prefix,
    Contains,
    NotEquals,
    PrefixNotEquals,
    NotContains,
}

/// <summary>
/// All StringFilters on one attribute. As documented for AwsSecurityFindingFilters: EQUALS, PREFIX and
/// CONTAINS are joined by OR, NOT_EQUALS, PREFIX_NOT_EQUALS and NOT_CONTAINS by AND, the positive ones
/// first; values are case-sensitive. A finding without the attribute matches only negative filters.
/// </summary>
internal sealed class StringFilterSet
{
    private readonly (Comparison Comparison, string Value)[] positive;
    private readonly (Comparison Comparison, string Value)[] negative;
    private readonly FindingField field;

    // Per-query caches: by template, and by (template, account, Region) for account/Region-dependent values.
    private readonly Dictionary<int, bool> byTemplate = [];
    private readonly Dictionary<long, bool> byTemplateAccountRegion = [];
    private readonly Dictionary<int, (TextPattern[]? Patterns, int Level)> patterns = [];

    public StringFilterSet(FindingField field, IReadOnlyList<(Comparison Comparison, string Value)> filters)
    {
        this.field = field;
        positive = filters.Where(f => f.Comparison is Comparison.Equals or Comparison.Prefix or Comparison.Contains).ToArray();
        negative = filters.Where(f => f.Comparison is Comparison.NotEquals or Comparison.PrefixNotEquals or Comparison.NotContains).ToArray();
        Validate(field, filters);
    }

    public bool Matches(in FindingView view)
    {
        var templateIndex = view.Row.Template;
        if (!patterns.TryGetValue(templateIndex, out var entry))
        {
            var found = FindingFields.Patterns(view.Template, field);
            entry = (found, Level(found));
            patterns[templateIndex] = entry;
        }

        switch (entry.Level)
        {
            case 0:
                if (!byTemplate.TryGetValue(templateIndex, out var constant))
                {
                    constant = Evaluate(entry.Patterns, view);
                    byTemplate[templateIndex] = constant;
                }

                return constant;
            case 1:
                var key = ((long)templateIndex << 24) | ((long)(ushort)view.Row.Account << 8) | view.Row.Region;
                if (!byTemplateAccountRegion.TryGetValue(key, out var cached))
                {
                    cached = Evaluate(entry.Patterns, view);
                    byTemplateAccountRegion[key] = cached;
                }

                return cached;
            default:
                return Evaluate(entry.Patterns, view);
        }
    }

    private static int Level(TextPattern[]? found)
    {
        if (found is null || found.All(p => p.IsConstant))
        {
            return 0;
        }

        return found.All(p => p.IsConstant || p.DependsOnAccountAndRegionOnly) ? 1 : 2;
    }

    private bool Evaluate(TextPattern[]? found, in FindingView view)
    {
        if (found is null || found.Length == 0)
        {
            return positive.Length == 0;
        }

        var values = new string[found.Length];
        for (var i = 0; i < found.Length; i++)
        {
            values[i] = found[i].Render(view);
        }

        if (positive.Length > 0 && !values.Any(v => positive.Any(f => Test(f.Comparison, v, f.Value))))
        {
            return false;
        }

        return values.All(v => negative.All(f => Test(f.Comparison, v, f.Value)));
    }

    private static bool Test(Comparison comparison, string actual, string wanted) => comparison switch
    {
        Comparison.Equals => string.Equals(actual, wanted, StringComparison.Ordinal),
        Comparison.Prefix => actual.StartsWith(wanted, StringComparison.Ordinal),
        Comparison.Contains => actual.Contains(wanted, StringComparison.Ordinal),
        Comparison.NotEquals => !string.Equals(actual, wanted, StringComparison.Ordinal),
        Comparison.PrefixNotEquals => !actual.StartsWith(wanted, StringComparison.Ordinal),
        Comparison.NotContains => !actual.Contains(wanted, StringComparison.Ordinal),
        _ => false,
    };

    private static void Validate(FindingField field, IReadOnlyList<(Comparison Comparison, string Value)> filters)
    {
        // The combinations the StringFilter documentation says "return an error".
        var kinds = filters.Select(f => f.Comparison).ToHashSet();
        if (kinds.Contains(Comparison.Contains) && kinds.Count > 1)
        {
            throw SecurityHubException.InvalidInput($"Filter {field}: CONTAINS filters can only be used with other CONTAINS filters.");
        }

        if (kinds.Contains(Comparison.NotContains) && kinds.Count > 1)
        {
            throw SecurityHubException.InvalidInput($"Filter {field}: NOT_CONTAINS filters can only be used with other NOT_CONTAINS filters.");
        }

        if (kinds.Contains(Comparison.Equals) && (kinds.Contains(Comparison.NotEquals) || kinds.Contains(Comparison.PrefixNotEquals)))
        {
            throw SecurityHubException.InvalidInput($"Filter {field}: an EQUALS filter cannot be combined with NOT_EQUALS or PREFIX_NOT_EQUALS on the same attribute.");
        }
    }
}
