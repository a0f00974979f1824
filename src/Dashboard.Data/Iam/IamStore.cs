using System.Text.Json;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.Serialization;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Data.Iam;

/// <summary>Writes one account's IAM snapshot, its principal rows and its risk results to the cache.</summary>
public sealed class IamStore(IDbContextFactory<DashboardDbContext> factory, ILogger<IamStore> logger)
{
    /// <summary>
    /// Replaces the account's cached snapshot, principals and risk results in one transaction. An
    /// account whose collection failed is simply not saved, so it keeps its last good data.
    /// Bad input (no account id, risks of another account) throws <see cref="ArgumentException"/> before anything is written.
    /// </summary>
    public async Task SaveAsync(IamAccountSnapshot snapshot, IReadOnlyList<RiskResult> risks, long? syncRunId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(risks);
        if (string.IsNullOrWhiteSpace(snapshot.AccountId))
            throw new ArgumentException("The IAM snapshot has no account id.", nameof(snapshot));
        var accountId = snapshot.AccountId;
        for (var i = 0; i < risks.Count; i++)
        {
            if (risks[i] is null)
                throw new ArgumentException($"Risk result {i} is null.", nameof(risks));
            if (!string.Equals(risks[i].AccountId, accountId, StringComparison.Ordinal))
                throw new ArgumentException($"Risk result {i} ({risks[i].RuleId}) is for account {risks[i].AccountId}, not {accountId}.", nameof(risks));
        }

        // Everything is built before the transaction opens: a serialization problem writes nothing.
        var snapshotRow = new IamSnapshotEntity
        {
            AccountId = accountId,
            SyncRunId = syncRunId,
            CollectedAtTicks = Instants.ToTicks(snapshot.CollectedAt),
            Source = snapshot.Source.ToString(),
            WarningsJson = JsonSerializer.Serialize(snapshot.Warnings),
            Json = IamSnapshotJson.Serialize(snapshot),
        };
        var riskRows = risks.Select(ToEntity).ToList();
        var principalRows = IamPrincipalRows.Build(snapshot, risks);

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.IamRisks.Where(r => r.AccountId == accountId).ExecuteDeleteAsync(ct);
        await db.IamPrincipals.Where(p => p.AccountId == accountId).ExecuteDeleteAsync(ct);
        await db.IamSnapshots.Where(s => s.AccountId == accountId).ExecuteDeleteAsync(ct);
        db.IamSnapshots.Add(snapshotRow);
        db.IamPrincipals.AddRange(principalRows);
        db.IamRisks.AddRange(riskRows);
        await db.SaveChangesAsync(ct);
        // Not cancellable: once the rows are written the commit must not be abandoned half way.
        await transaction.CommitAsync(CancellationToken.None);
        logger.LogInformation(
            "Cached IAM snapshot of account {AccountId}: {Principals} principals, {Risks} risk results",
            accountId, principalRows.Count, riskRows.Count);
    }

    private static IamRiskEntity ToEntity(RiskResult r) => new()
    {
        AccountId = r.AccountId,
        RuleId = r.RuleId,
        Title = r.Title,
        Severity = (int)r.Severity,
        Category = (int)r.Category,
        Status = (int)r.Status,
        ResourceArn = r.ResourceArn,
        ResourceName = r.ResourceName,
        ResourceType = (int)r.ResourceType,
        Message = r.Message,
        Remediation = r.Remediation,
        // The row has one list: conditional items follow, marked, so a Conditional result still shows what it is about.
        ItemsJson = JsonSerializer.Serialize(r.Items.Concat(r.ConditionalItems.Select(i => $"{i} (if conditions hold)")).ToList()),
        Explanation = r.Explanation.Count == 0 ? null : string.Join('\n', r.Explanation),
    };
}
