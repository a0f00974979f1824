using Dashboard.Core.Organizations.Guardrails;
using Dashboard.Data.Organizations;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Organizations;

/// <summary>
/// The guardrail matrix of the latest organization, computed once per cached snapshot: every page of the
/// area shows it (tree coverage, account row, matrix), and computing it evaluates every guardrail's test
/// requests for every account and candidate Region.
/// </summary>
public sealed class GuardrailMatrixCache(IOptionsMonitor<GuardrailOptions> options)
{
    private readonly Lock _lock = new();
    private (object Key, GuardrailOptions Options, GuardrailMatrix Matrix)? _last;

    /// <summary>The matrix, or the reason it cannot be computed (unusable options or definitions).</summary>
    public (GuardrailMatrix? Matrix, string? Error) For(CachedOrganization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var current = options.CurrentValue;
        var key = (organization.Snapshot.Organization.Id, organization.CollectedAt, organization.SyncRunId, organization.Source);
        lock (_lock)
        {
            if (_last is { } last && last.Key.Equals(key) && ReferenceEquals(last.Options, current)) return (last.Matrix, null);
        }

        try
        {
            var matrix = GuardrailMatrix.Compute(organization.Snapshot, GuardrailCatalog.Default, current);
            lock (_lock)
            {
                _last = (key, current, matrix);
            }

            return (matrix, null);
        }
        catch (ArgumentException ex)
        {
            return (null, $"Guardrail coverage cannot be computed: {ex.Message}");
        }
    }
}
