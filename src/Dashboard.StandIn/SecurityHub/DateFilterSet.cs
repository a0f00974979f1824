using Dashboard.StandIn.Data;

namespace Dashboard.StandIn.SecurityHub;

/// <summary>The DateFilters on one timestamp attribute, joined by OR; each an inclusive [start, end] in Unix ms.</summary>
internal sealed class DateFilterSet(DateField field, IReadOnlyList<(long Start, long End)> ranges)
{
    public DateField Field { get; } = field;

    public bool Matches(in FindingRow row)
    {
        var value = FindingFields.Value(row, Field);
        if (value == FindingRow.Absent)
        {
            return false;
        }

        foreach (var (start, end) in ranges)
        {
            if (value >= start && value <= end)
            {
                return true;
            }
        }

        return false;
    }
}
