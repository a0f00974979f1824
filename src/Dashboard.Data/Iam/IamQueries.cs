using System.Text.Json;
using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.Serialization;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Data.Iam;

/// <summary>What the IAM pages read from the cache.</summary>
public sealed class IamQueries(IDbContextFactory<DashboardDbContext> factory, ILogger<IamQueries> logger)
{
    private const int MaxTake = 1000;
    private readonly IamSnapshotCache _snapshots = new(capacity: 4);

    /// <summary>
    /// The rules' metadata by id: why each matters travels with its results from the code, not the cache, so
    /// results cached before a wording change read the current text.
    /// </summary>
    private static readonly Dictionary<string, RiskRuleMetadata> Rules =
        IamRiskRules.All().Select(r => r.Metadata).DistinctBy(m => m.Id).ToDictionary(m => m.Id, StringComparer.Ordinal);

    /// <summary>Every cached account with its counts, ordered by account id.</summary>
    public async Task<IReadOnlyList<IamAccountRow>> GetAccountsAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var snapshots = await db.IamSnapshots
            .OrderBy(s => s.AccountId)
            .Select(s => new { s.AccountId, s.CollectedAtTicks, s.SyncRunId, s.Source, s.WarningsJson })
            .ToListAsync(ct);
        var kinds = await db.IamPrincipals
            .GroupBy(p => new { p.AccountId, p.Kind })
            .Select(g => new { g.Key.AccountId, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        var failed = await db.IamRisks
            .Where(r => r.Status == (int)RiskStatus.Fail)
            .GroupBy(r => r.AccountId)
            .Select(g => new { AccountId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AccountId, x => x.Count, ct);
        var counts = kinds.ToDictionary(k => (k.AccountId, k.Kind), k => k.Count);
        int Count(string account, IamPrincipalKind kind) => counts.GetValueOrDefault((account, kind));

        return
        [
            .. snapshots.Select(s => new IamAccountRow(
                s.AccountId,
                Instants.FromTicks(s.CollectedAtTicks),
                s.SyncRunId,
                s.Source,
                Count(s.AccountId, IamPrincipalKind.User),
                Count(s.AccountId, IamPrincipalKind.Role),
                Count(s.AccountId, IamPrincipalKind.Group),
                Count(s.AccountId, IamPrincipalKind.ManagedPolicy),
                failed.GetValueOrDefault(s.AccountId),
                ReadStrings(s.WarningsJson))),
        ];
    }

    /// <summary>
    /// The last good snapshot of an account (for principal detail, "can P do A on R", "who can"). Null when
    /// the account was never cached, or when its cached text is damaged (logged).
    /// </summary>
    public async Task<IamAccountSnapshot?> GetSnapshotAsync(string accountId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(accountId)) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var collectedAt = await db.IamSnapshots.Where(s => s.AccountId == accountId).Select(s => (long?)s.CollectedAtTicks).FirstOrDefaultAsync(ct);
        if (collectedAt is not { } ticks) return null;
        if (_snapshots.Get(accountId, ticks) is { } cached) return cached;

        var row = await db.IamSnapshots.Where(s => s.AccountId == accountId).Select(s => new { s.CollectedAtTicks, s.Json }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        try
        {
            var snapshot = IamSnapshotJson.Deserialize(row.Json);
            _snapshots.Put(accountId, row.CollectedAtTicks, snapshot);
            return snapshot;
        }
        catch (FormatException ex)
        {
            logger.LogError(ex, "The cached IAM snapshot of account {AccountId} cannot be read; the next sync replaces it", accountId);
            return null;
        }
    }

    /// <summary>Users, roles, groups and managed policies in the filter's order (default: by name, then account, ARN), with the total.</summary>
    public async Task<IamPrincipalPage> GetPrincipalsAsync(IamPrincipalFilter filter, int skip, int take, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(ct);
        IQueryable<IamPrincipalEntity> q = db.IamPrincipals;
        if (filter.AccountIds.Count > 0)
        {
            var accounts = filter.AccountIds.ToList();
            q = q.Where(p => accounts.Contains(p.AccountId));
        }

        if (filter.Kinds.Count > 0)
        {
            var kinds = filter.Kinds.Distinct().ToList();
            q = q.Where(p => kinds.Contains(p.Kind));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = LikePattern.Contains(filter.Text.Trim());
            q = q.Where(p => EF.Functions.Like(p.Name, pattern, LikePattern.Escape) || EF.Functions.Like(p.Arn, pattern, LikePattern.Escape));
        }

        if (filter.OnlyWithRisks) q = q.Where(p => p.RiskCount > 0);

        var total = await q.CountAsync(ct);
        var rows = await IamSorting.Order(q, filter.Sort)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, MaxTake))
            .ToListAsync(ct);
        return new IamPrincipalPage([.. rows.Select(ToRow)], total);
    }

    /// <summary>Risk results in the filter's order (default: worst severity first, then rule, resource), with the total.</summary>
    public async Task<IamRiskPage> GetRisksAsync(IamRiskFilter filter, int skip, int take, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = Where(db.IamRisks, filter);
        var total = await q.CountAsync(ct);
        var rows = await IamSorting.Order(q, filter.Sort)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, MaxTake))
            .ToListAsync(ct);
        return new IamRiskPage([.. rows.Select(ToRow)], total);
    }

    /// <summary>Counts by rule (with severity), for the risks summary: worst severity first, then most results.</summary>
    public async Task<IReadOnlyList<IamRiskCount>> GetRiskCountsAsync(IamRiskFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await factory.CreateDbContextAsync(ct);
        var groups = await Where(db.IamRisks, filter)
            .GroupBy(r => r.RuleId)
            .Select(g => new
            {
                RuleId = g.Key,
                Title = g.Max(r => r.Title),
                Severity = g.Max(r => r.Severity),
                Category = g.Min(r => r.Category),
                Count = g.Count(),
                Accounts = g.Select(r => r.AccountId).Distinct().Count(),
            })
            .ToListAsync(ct);
        return
        [
            .. groups
                .OrderByDescending(g => g.Severity).ThenByDescending(g => g.Count).ThenBy(g => g.RuleId, StringComparer.Ordinal)
                .Select(g =>
                {
                    var rule = Rules.GetValueOrDefault(g.RuleId);
                    return new IamRiskCount(g.RuleId, g.Title ?? g.RuleId, (Severity)g.Severity, (RiskCategory)g.Category, g.Count, g.Accounts,
                        rule?.Risk, rule?.Remediation, rule?.Reference);
                }),
        ];
    }

    private static IQueryable<IamRiskEntity> Where(IQueryable<IamRiskEntity> q, IamRiskFilter filter)
    {
        var statuses = (filter.Statuses.Count > 0 ? filter.Statuses : IamRiskFilter.AttentionStatuses).Select(s => (int)s).Distinct().ToList();
        q = q.Where(r => statuses.Contains(r.Status));
        if (filter.AccountIds.Count > 0)
        {
            var accounts = filter.AccountIds.ToList();
            q = q.Where(r => accounts.Contains(r.AccountId));
        }

        if (filter.RuleIds.Count > 0)
        {
            var rules = filter.RuleIds.ToList();
            q = q.Where(r => rules.Contains(r.RuleId));
        }

        if (filter.Severities.Count > 0)
        {
            var severities = filter.Severities.Select(s => (int)s).Distinct().ToList();
            q = q.Where(r => severities.Contains(r.Severity));
        }

        if (filter.Categories.Count > 0)
        {
            var categories = filter.Categories.Select(c => (int)c).Distinct().ToList();
            q = q.Where(r => categories.Contains(r.Category));
        }

        if (!string.IsNullOrWhiteSpace(filter.ResourceArn))
        {
            var arn = filter.ResourceArn.Trim();
            q = q.Where(r => r.ResourceArn == arn);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // SQLite's LIKE is case-insensitive for ASCII letters, which is what names and ARNs use.
            var pattern = LikePattern.Contains(filter.Text.Trim());
            q = q.Where(r => EF.Functions.Like(r.Message, pattern, LikePattern.Escape)
                || EF.Functions.Like(r.ResourceName, pattern, LikePattern.Escape)
                || EF.Functions.Like(r.ResourceArn, pattern, LikePattern.Escape));
        }

        return q;
    }

    private static IamPrincipalRow ToRow(IamPrincipalEntity p) => new(
        p.AccountId,
        p.Arn,
        p.Kind,
        p.Name,
        p.Path,
        Instants.FromTicks(p.CreateDateTicks),
        Instants.FromTicks(p.LastUsedTicks),
        p.RiskCount,
        p.HighestRiskSeverity is { } s ? (Severity)s : null);

    private static IamRiskRow ToRow(IamRiskEntity r) => new(
        r.Id,
        r.AccountId,
        r.RuleId,
        r.Title,
        (Severity)r.Severity,
        (RiskCategory)r.Category,
        (RiskStatus)r.Status,
        r.ResourceArn,
        r.ResourceName,
        (RiskResourceType)r.ResourceType,
        r.Message,
        r.Remediation,
        ReadStrings(r.ItemsJson),
        r.Explanation,
        Rules.GetValueOrDefault(r.RuleId)?.Risk,
        Rules.GetValueOrDefault(r.RuleId)?.Reference);

    private static IReadOnlyList<string> ReadStrings(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<string>>(json) ?? [];
        }
        catch (JsonException)
        {
            // A hand-edited row must not break the page.
            return [$"(unreadable list: {json})"];
        }
    }
}
