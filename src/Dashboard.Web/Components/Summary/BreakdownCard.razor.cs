using Dashboard.Web.Findings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Summary;

public partial class BreakdownCard
{
    // Beyond this many slices a chart is unreadable; the rest are summed into "Other" (and listed below it).
    private const int MaxChartSlices = 10;
    private const int MaxTableRows = 15;

    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private ChartOptions _options = new();
    private IReadOnlyList<OverviewSlice> _chartSlices = [];

    [Parameter, EditorRequired] public OverviewBreakdown Breakdown { get; set; } = default!;
    [Parameter] public ChartType ChartType { get; set; } = ChartType.Donut;
    [Inject] public required NavigationManager Navigation { get; init; }

    private IEnumerable<OverviewSlice> VisibleSlices => Breakdown.Slices.Take(MaxTableRows);
    private int HiddenCount => Math.Max(0, Breakdown.Slices.Count - MaxTableRows);

    protected override void OnParametersSet()
    {
        var slices = Breakdown.Slices.Take(MaxChartSlices).ToList();
        var rest = Breakdown.Slices.Skip(MaxChartSlices).Sum(s => s.Count);
        if (rest > 0)
        {
            slices.Add(new OverviewSlice("Other", rest, null, "#879596"));
        }
        _chartSlices = slices;
        _labels = [.. slices.Select(s => s.Label)];
        // Meaningful colours (severity, compliance) when every slice has one; MudBlazor's palette otherwise.
        _options = slices.All(s => s.Color is not null)
            ? new ChartOptions { ChartPalette = [.. slices.Select(s => s.Color!)] }
            : new ChartOptions();
        _series = [new ChartSeries<double> { Name = Breakdown.Title, Data = new ChartData<double>([.. slices.Select(s => (double)s.Count)]) }];
    }

    private void OpenSlice(int index)
    {
        // Only donut segments map to slices: a bar chart's selection is its (single) series, not a bar.
        if (ChartType == ChartType.Donut && index >= 0 && index < _chartSlices.Count && _chartSlices[index].Href is { } href)
        {
            Navigation.NavigateTo(href);
        }
    }
}
