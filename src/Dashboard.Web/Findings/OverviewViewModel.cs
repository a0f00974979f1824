using Dashboard.Core.Findings;
using Dashboard.Core.Sync;
using Dashboard.Data.Findings;

namespace Dashboard.Web.Findings;

/// <summary>
/// One bar or donut slice, with the findings-list link that shows exactly those findings, and a fixed
/// colour where the value has a meaning (red for Critical and FAILED, green for PASSED).
/// </summary>
public sealed record OverviewSlice(string Label, int Count, string? Href, string? Color = null);

/// <summary>Findings counted by one field, in display order.</summary>
public sealed record OverviewBreakdown(string Title, string TestId, IReadOnlyList<OverviewSlice> Slices)
{
    public int Total => Slices.Sum(s => s.Count);
}

/// <summary>A control with failed checks, linking to its failed findings.</summary>
public sealed record FailingControlRow(string ControlId, string Title, int FailedCount, int AccountCount, string Href);

/// <summary>The overview page's figures and links, built without rendering so a test can check them.</summary>
public sealed class OverviewViewModel
{
    /// <summary>Label shown for findings without a value (e.g. no compliance status: not a control check).</summary>
    public const string NoValueLabel = "(none)";

    private OverviewViewModel(
        int totalActive,
        IReadOnlyList<OverviewBreakdown> breakdowns,
        IReadOnlyList<FailingControlRow> topFailingControls,
        SyncRunSummary? lastSync)
    {
        TotalActive = totalActive;
        Breakdowns = breakdowns;
        TopFailingControls = topFailingControls;
        LastSync = lastSync;
    }

    public int TotalActive { get; }
    public string AllFindingsHref => FindingLinks.List(FindingFilter.Default);
    public IReadOnlyList<OverviewBreakdown> Breakdowns { get; }
    public IReadOnlyList<FailingControlRow> TopFailingControls { get; }
    public SyncRunSummary? LastSync { get; }

    public OverviewBreakdown BySeverity => Breakdowns[0];

    public static OverviewViewModel Build(FindingsOverview overview, SyncRunSummary? lastSync)
    {
        var breakdowns = new List<OverviewBreakdown>
        {
            new("Severity", "by-severity", SeveritySlices(overview.BySeverity)),
            new("Workflow status", "by-workflow", Slices(overview.ByWorkflowStatus, v => new FindingFilter { WorkflowStatuses = [v] })),
            new("Compliance status", "by-compliance", Slices(overview.ByComplianceStatus, v => new FindingFilter { ComplianceStatuses = [v] }, ComplianceColor)),
            new("Account", "by-account", Slices(overview.ByAccount, v => new FindingFilter { AccountIds = [v] })),
            new("Region", "by-region", Slices(overview.ByRegion, v => new FindingFilter { Regions = [v] })),
            new("Product", "by-product", Slices(overview.ByProduct, v => new FindingFilter { ProductNames = [v] })),
        };
        var controls = overview.TopFailingControls
            .Select(c => new FailingControlRow(
                c.ControlId,
                c.Title,
                c.FailedCount,
                c.AccountCount,
                FindingLinks.List(new FindingFilter { ControlIds = [c.ControlId], ComplianceStatuses = ["FAILED"] })))
            .ToList();
        return new OverviewViewModel(overview.TotalActive, breakdowns, controls, lastSync);
    }

    private static List<OverviewSlice> SeveritySlices(IReadOnlyList<CountBy> counts)
    {
        // Most severe first, whatever order (and label casing: "CRITICAL" or "Critical") the query returns.
        return counts
            .Select(c => (Parsed: Enum.TryParse<Severity>(c.Key, ignoreCase: true, out var s) ? s : (Severity?)null, c.Count, c.Key))
            .OrderByDescending(x => x.Parsed.HasValue ? (int)x.Parsed.Value : -1)
            .Select(x => x.Parsed is { } severity
                ? new OverviewSlice(severity.ToString(), x.Count, FindingLinks.List(new FindingFilter { Severities = [severity] }), SeverityColor(severity))
                : new OverviewSlice(Label(x.Key), x.Count, null))
            .ToList();
    }

    private static List<OverviewSlice> Slices(
        IReadOnlyList<CountBy> counts, Func<string, FindingFilter> filterFor, Func<string, string?>? colorFor = null)
        => counts
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new OverviewSlice(
                Label(c.Key),
                c.Count,
                string.IsNullOrEmpty(c.Key) ? null : FindingLinks.List(filterFor(c.Key)),
                colorFor?.Invoke(c.Key)))
            .ToList();

    public static string SeverityColor(Severity severity) => severity switch
    {
        Severity.Critical => "#D13212",
        Severity.High => "#FF9900",
        Severity.Medium => "#F2C744",
        Severity.Low => "#0972D3",
        _ => "#879596",
    };

    private static string? ComplianceColor(string status) => status switch
    {
        "FAILED" => "#D13212",
        "WARNING" => "#FF9900",
        "PASSED" => "#1D8102",
        _ => "#879596",
    };

    private static string Label(string? key) => string.IsNullOrEmpty(key) ? NoValueLabel : key;
}
