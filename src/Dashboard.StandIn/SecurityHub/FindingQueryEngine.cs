using Dashboard.StandIn.Data;

namespace Dashboard.StandIn.SecurityHub;

/// <summary>Which findings a caller may see: one Region, and one account unless it is the administrator.</summary>
internal readonly record struct CallerScope(int AccountIndex, int RegionIndex)
{
    public bool AllAccounts => AccountIndex < 0;
}

/// <summary>Runs a query over the data set: filter, then sort, giving the matching row indexes in order.</summary>
internal static class FindingQueryEngine
{
    public static int[] Execute(StandInDataSet data, GetFindingsQuery query, CallerScope scope)
    {
        using var _ = data.EnterRead();
        var count = data.UnsafeCount;
        var matches = new List<int>();
        for (var i = 0; i < count; i++)
        {
            ref readonly var row = ref data.Row(i);
            if (row.Region != scope.RegionIndex || (!scope.AllAccounts && row.Account != scope.AccountIndex))
            {
                continue;
            }

            if (!MatchesDates(query, row) || !MatchesStrings(query, data.View(i)))
            {
                continue;
            }

            matches.Add(i);
        }

        return Sort(data, query.Sort, matches);
    }

    private static bool MatchesDates(GetFindingsQuery query, in FindingRow row)
    {
        foreach (var filter in query.DateFilters)
        {
            if (!filter.Matches(row))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesStrings(GetFindingsQuery query, in FindingView view)
    {
        foreach (var filter in query.StringFilters)
        {
            if (!filter.Matches(view))
            {
                return false;
            }
        }

        return true;
    }

    private static int[] Sort(StandInDataSet data, List<SortCriterion> criteria, List<int> matches)
    {
        var rows = matches.ToArray();
        if (rows.Length < 2)
        {
            return rows;
        }

        if (criteria is [{ Field: null } only])
        {
            return SortByNumber(data, only, rows);
        }

        // Compute every key once (a string key renders a pattern), then sort positions by them.
        var keys = criteria.Select(c => SortKeys.Build(data, c, rows)).ToArray();
        var positions = new int[rows.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }

        Array.Sort(positions, (a, b) =>
        {
            for (var k = 0; k < keys.Length; k++)
            {
                var order = keys[k].Compare(a, b);
                if (order != 0)
                {
                    return criteria[k].Descending ? -order : order;
                }
            }

            // Insertion order breaks ties, so pages never overlap or skip.
            return rows[a].CompareTo(rows[b]);
        });

        return positions.Select(p => rows[p]).ToArray();
    }

    /// <summary>The common case (UpdatedAt desc, the default): one numeric key, sorted as plain structs.</summary>
    private static int[] SortByNumber(StandInDataSet data, SortCriterion criterion, int[] rows)
    {
        var keyed = new (long Key, int Row)[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            ref readonly var row = ref data.Row(rows[i]);
            var value = criterion.Date is { } date ? FindingFields.Value(row, date) : FindingStatus.SeverityNormalized[(int)row.Severity];
            var key = value == FindingRow.Absent ? long.MaxValue : criterion.Descending ? -value : value;
            keyed[i] = (key, rows[i]);
        }

        // Tuples compare by key, then by row index: ties keep insertion order.
        Array.Sort(keyed);
        return keyed.Select(k => k.Row).ToArray();
    }

    /// <summary>Sort keys of one criterion for each matching row; missing values sort last either way.</summary>
    private abstract class SortKeys
    {
        public abstract int Compare(int a, int b);

        /// <summary>Callers hold the data set's read lock.</summary>
        public static SortKeys Build(StandInDataSet data, SortCriterion criterion, int[] rows)
        {
            if (criterion.Field is { } field)
            {
                var values = new string?[rows.Length];
                for (var i = 0; i < rows.Length; i++)
                {
                    var view = data.View(rows[i]);
                    var patterns = FindingFields.Patterns(view.Template, field);
                    values[i] = patterns is { Length: > 0 } ? patterns[0].Render(view) : null;
                }

                return new StringKeys(values, criterion.Descending);
            }

            var numbers = new long[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                ref readonly var row = ref data.Row(rows[i]);
                numbers[i] = criterion.Date is { } date
                    ? FindingFields.Value(row, date)
                    : FindingStatus.SeverityNormalized[(int)row.Severity];
            }

            return new NumberKeys(numbers, criterion.Descending);
        }
    }

    private sealed class StringKeys(string?[] values, bool descending) : SortKeys
    {
        public override int Compare(int a, int b) => (values[a], values[b]) switch
        {
            (null, null) => 0,
            (null, _) => descending ? -1 : 1,
            (_, null) => descending ? 1 : -1,
            var (x, y) => string.CompareOrdinal(x, y),
        };
    }

    private sealed class NumberKeys(long[] values, bool descending) : SortKeys
    {
        public override int Compare(int a, int b)
        {
            var (x, y) = (values[a], values[b]);
            if (x == y)
            {
                return 0;
            }

            if (x == FindingRow.Absent)
            {
                return descending ? -1 : 1;
            }

            if (y == FindingRow.Absent)
            {
                return descending ? 1 : -1;
            }

            return x.CompareTo(y);
        }
    }
}
