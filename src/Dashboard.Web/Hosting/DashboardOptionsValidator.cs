using Cronos;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

/// <summary>Collects every problem in the Dashboard section, naming the key to fix.</summary>
public sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SyncSchedule))
        {
            try
            {
                CronExpression.Parse(options.SyncSchedule);
            }
            catch (CronFormatException ex)
            {
                errors.Add($"Dashboard:SyncSchedule '{options.SyncSchedule}' is not a 5-field cron expression: {ex.Message}");
            }
        }
        if (options.FullRefreshInterval <= TimeSpan.Zero)
            errors.Add("Dashboard:FullRefreshInterval must be positive (e.g. 1.00:00:00 for a day).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
