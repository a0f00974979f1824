using Dashboard.Core.Organizations.Guardrails;
using Dashboard.Data.Organizations;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Organizations;

/// <summary>
/// The guardrail matrix of the latest organization, computed once per cached snapshot, options and set of
/// guardrail definitions: every page of the area shows it (tree coverage, account row, matrix), and
/// computing it evaluates every guardrail's test requests for every account and candidate Region.
/// </summary>
public sealed class GuardrailMatrixCache(IOptionsMonitor<GuardrailOptions> options, GuardrailDefinitionSource definitions)
{
    private readonly Lock _lock = new();
    private (object Key, GuardrailOptions Options, IReadOnlyList<GuardrailDefinition> Definitions, GuardrailMatrix Matrix, string? Warning)? _last;

    /// <summary>
    /// The matrix, or the reason it cannot be computed (unusable options or definitions). A matrix can come
    /// with a warning too: the organization's own guardrail file could not be used, so only the built-in
    /// guardrails were checked.
    /// </summary>
    public (GuardrailMatrix? Matrix, string? Error) For(CachedOrganization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var current = options.CurrentValue;
        var set = definitions.Load(current);
        var key = (organization.Snapshot.Organization.Id, organization.CollectedAt, organization.SyncRunId, organization.Source);
        lock (_lock)
        {
            if (_last is { } last && last.Key.Equals(key) && ReferenceEquals(last.Options, current) && ReferenceEquals(last.Definitions, set.Definitions))
                return (last.Matrix, last.Warning);
        }

        try
        {
            var matrix = GuardrailMatrix.Compute(organization.Snapshot, set.Definitions, current);
            var warning = set.Error is null ? null : $"Guardrail definitions: {set.Error}";
            lock (_lock)
            {
                _last = (key, current, set.Definitions, matrix, warning);
            }

            return (matrix, warning);
        }
        catch (ArgumentException ex)
        {
            return (null, $"Guardrail coverage cannot be computed: {ex.Message}");
        }
    }
}
