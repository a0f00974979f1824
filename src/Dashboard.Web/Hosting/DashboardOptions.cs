namespace Dashboard.Web.Hosting;

/// <summary>Top-level settings (section "Dashboard").</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// The folder holding the SQLite cache. Overridden by the --data option or DASHBOARD_DATA_DIR.
    /// </summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>
    /// Demo mode runs the local AWS stand-in in-process and syncs from it. On when no AWS account is configured.
    /// </summary>
    public bool Demo { get; set; }

    /// <summary>Cron expression (Cronos, UTC, 5 fields) of the scheduled sync; empty disables it.</summary>
    public string SyncSchedule { get; set; } = "*/30 * * * *";

    /// <summary>Read each account's IAM (and analyse its risks) at every sync.</summary>
    public bool SyncIam { get; set; } = true;

    /// <summary>How often the full refresh of ACTIVE findings runs (BatchUpdateFindings does not move UpdatedAt).</summary>
    public TimeSpan FullRefreshInterval { get; set; } = TimeSpan.FromHours(24);
}
