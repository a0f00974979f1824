using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Dashboard.Core.Findings;
using Dashboard.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Findings;

/// <summary>
/// The read side pages use. Counts and the overview come from the summary tables that
/// <see cref="FindingStore"/> keeps exact, so nothing here GROUPs BY or COUNTs over the whole
/// findings table unless the filter has free text, resource types or control ids.
/// </summary>
public sealed class FindingQueries(IDbContextFactory<DashboardDbContext> factory)
{
    /// <summary>The largest page a caller may ask for (exports use <see cref="StreamAsync"/>).</summary>
    public const int MaxPageSize = 1000;
    private const int TopControls = 10;

    public async Task<FindingPage> GetPageAsync(FindingFilter filter, int skip, int take, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        if (take is < 1 or > MaxPageSize)
            throw new ArgumentOutOfRangeException(nameof(take), take, $"take must be between 1 and {MaxPageSize}.");

        await using var db = await factory.CreateDbContextAsync(ct);
        var matching = FindingFilterSql.Where(db.Findings, filter);
        var total = FindingFilterSql.CountableFromSummary(filter)
            ? await FindingFilterSql.Where(db.FindingCounts, filter).SumAsync(c => c.Count, ct)
            : await matching.CountAsync(ct);
        if (total == 0 || skip >= total) return new FindingPage([], total);

        var rows = await FindingFilterSql.OrderBy(matching, filter.SortBy, filter.SortDescending)
            .Skip(skip).Take(take)
            .Select(ToRowData)
            .ToListAsync(ct);
        return new FindingPage(rows.Select(ToRow).ToList(), total);
    }

    public async Task<FindingsOverview> GetOverviewAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var active = db.FindingCounts.Where(c => c.RecordState == FindingFilterSql.Active);

        var bySeverity = await active.GroupBy(c => c.SeverityRank)
            .Select(g => new { g.Key, Count = g.Sum(c => c.Count) }).ToListAsync(ct);
        // Every label, most severe first, zeros included: charts keep their colours and order.
        var severities = Enum.GetValues<Severity>().OrderDescending()
            .Select(s => new CountBy(s.ToString(), bySeverity.FirstOrDefault(x => x.Key == (int)s)?.Count ?? 0))
            .ToList();

        return new FindingsOverview(
            TotalActive: severities.Sum(s => s.Count),
            BySeverity: severities,
            ByAccount: await CountByAsync(active, c => c.AwsAccountId, ct),
            ByRegion: await CountByAsync(active, c => c.Region, ct),
            ByProduct: await CountByAsync(active, c => c.ProductName, ct),
            // Findings that are not control checks have no compliance status and are left out here.
            ByComplianceStatus: await CountByAsync(active.Where(c => c.ComplianceStatus != ""), c => c.ComplianceStatus, ct),
            ByWorkflowStatus: await CountByAsync(active, c => c.WorkflowStatus, ct),
            TopFailingControls: await TopFailingControlsAsync(db, ct));
    }

    public async Task<FindingFilterOptions> GetFilterOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return new FindingFilterOptions(
            AccountIds: await db.FindingCounts.Select(c => c.AwsAccountId).Distinct().OrderBy(v => v).ToListAsync(ct),
            Regions: await db.FindingCounts.Select(c => c.Region).Distinct().OrderBy(v => v).ToListAsync(ct),
            ProductNames: await db.FindingCounts.Select(c => c.ProductName).Distinct().OrderBy(v => v).ToListAsync(ct),
            ResourceTypes: await DistinctByIndexAsync(db, "ResourceType", ct),
            ControlIds: await DistinctByIndexAsync(db, "ControlId", ct));
    }

    public async Task<FindingDetail?> GetDetailAsync(string id, string productArn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(productArn);
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await db.Findings
            .Where(f => f.Id == id && f.ProductArn == productArn)
            .Select(ToDetailData)
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new FindingDetail(ToRow(found.Row), found.RawJson);
    }

    /// <summary>Other findings on the resource: ACTIVE first, then most severe and most recently updated.</summary>
    public async Task<IReadOnlyList<FindingRow>> GetOnSameResourceAsync(string resourceId, string exceptId, string exceptProductArn, int max, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(resourceId) || max <= 0) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Findings
            .Where(f => f.ResourceId == resourceId && !(f.Id == exceptId && f.ProductArn == exceptProductArn))
            .OrderBy(f => f.RecordState == FindingFilterSql.Active ? 0 : 1)
            .ThenByDescending(f => f.SeverityRank).ThenByDescending(f => f.UpdatedAtTicks).ThenByDescending(f => f.Key)
            .Take(max)
            .Select(ToRowData)
            .ToListAsync(ct);
        return rows.Select(ToRow).ToList();
    }

    /// <summary>Every matching finding with its raw JSON, in the page's order, read as it streams (for exports).</summary>
    public async IAsyncEnumerable<FindingDetail> StreamAsync(FindingFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(ct);
        var query = FindingFilterSql.OrderBy(FindingFilterSql.Where(db.Findings, filter), filter.SortBy, filter.SortDescending)
            .Select(ToDetailData);
        await foreach (var item in query.AsAsyncEnumerable().WithCancellation(ct))
            yield return new FindingDetail(ToRow(item.Row), item.RawJson);
    }

    private static async Task<IReadOnlyList<CountBy>> CountByAsync(
        IQueryable<FindingCountEntity> source, Expression<Func<FindingCountEntity, string>> key, CancellationToken ct)
    {
        var groups = await source.GroupBy(key)
            .Select(g => new { g.Key, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        return groups.Where(g => g.Count > 0)
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CountBy(g.Key, g.Count))
            .ToList();
    }

    private static async Task<IReadOnlyList<ControlFailure>> TopFailingControlsAsync(DashboardDbContext db, CancellationToken ct)
    {
        var top = await db.ControlFailureCounts
            .Where(c => c.Count > 0)
            .GroupBy(c => c.ControlId)
            .Select(g => new
            {
                ControlId = g.Key,
                Title = g.Max(c => c.Title),
                Failed = g.Sum(c => c.Count),
                Accounts = g.Select(c => c.AwsAccountId).Distinct().Count(),
            })
            .OrderByDescending(g => g.Failed).ThenBy(g => g.ControlId)
            .Take(TopControls)
            .ToListAsync(ct);
        return top.Select(t => new ControlFailure(t.ControlId, t.Title ?? t.ControlId, t.Failed, t.Accounts)).ToList();
    }

    /// <summary>
    /// DISTINCT by hopping through the column's index (one seek per distinct value) instead of
    /// reading every entry: resource types and controls are a few hundred, findings a million.
    /// The indexes lead with RecordState, so it hops once per record state.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DistinctByIndexAsync(DashboardDbContext db, string column, CancellationToken ct)
    {
        var states = await db.FindingCounts.Select(c => c.RecordState).Distinct().ToListAsync(ct);
        var values = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var state in states)
        {
#pragma warning disable EF1002 // the column name is one of two constants, never user input
            values.UnionWith(await db.Database.SqlQueryRaw<string>(DistinctSql(column), state).ToListAsync(ct));
#pragma warning restore EF1002
        }
        return values.ToList();
    }

    /// <summary>The distinct non-null values of <paramref name="column"/> among findings in record state {0}.</summary>
    internal static string DistinctSql(string column) => $$"""
        WITH RECURSIVE "d"("v") AS (
            SELECT MIN("{{column}}") FROM "Findings" WHERE "RecordState" = {0}
            UNION ALL
            SELECT (SELECT MIN("{{column}}") FROM "Findings" WHERE "RecordState" = {0} AND "{{column}}" > "d"."v")
            FROM "d" WHERE "d"."v" IS NOT NULL)
        SELECT "v" AS "Value" FROM "d" WHERE "v" IS NOT NULL
        """;

    /// <summary>The columns of a <see cref="FindingRow"/> as SQL returns them; turned into the record in memory.</summary>
    private sealed record RowData(
        string Id, string ProductArn, string AwsAccountId, string Region, string ProductName, string? ControlId, string Title,
        int SeverityRank, int SeverityNormalized, string? ComplianceStatus, string WorkflowStatus, string RecordState,
        string? ResourceType, string? ResourceId, long CreatedAtTicks, long UpdatedAtTicks);

    private static readonly Expression<Func<FindingEntity, RowData>> ToRowData = f => new RowData(
        f.Id, f.ProductArn, f.AwsAccountId, f.Region, f.ProductName, f.ControlId, f.Title,
        f.SeverityRank, f.SeverityNormalized, f.ComplianceStatus, f.WorkflowStatus, f.RecordState,
        f.ResourceType, f.ResourceId, f.CreatedAtTicks, f.UpdatedAtTicks);

    private sealed record DetailData(RowData Row, string RawJson);

    private static readonly Expression<Func<FindingEntity, DetailData>> ToDetailData = f => new DetailData(
        new RowData(
            f.Id, f.ProductArn, f.AwsAccountId, f.Region, f.ProductName, f.ControlId, f.Title,
            f.SeverityRank, f.SeverityNormalized, f.ComplianceStatus, f.WorkflowStatus, f.RecordState,
            f.ResourceType, f.ResourceId, f.CreatedAtTicks, f.UpdatedAtTicks),
        f.Json!.RawJson);

    private static FindingRow ToRow(RowData r) => new(
        r.Id, r.ProductArn, r.AwsAccountId, r.Region, r.ProductName, r.ControlId, r.Title,
        (Severity)r.SeverityRank, r.SeverityNormalized, r.ComplianceStatus, r.WorkflowStatus, r.RecordState,
        r.ResourceType, r.ResourceId, Instants.FromTicks(r.CreatedAtTicks), Instants.FromTicks(r.UpdatedAtTicks));
}
