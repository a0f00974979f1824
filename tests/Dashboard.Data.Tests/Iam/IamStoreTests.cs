using System.Data.Common;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Database;
using Dashboard.Data.Iam;
using Dashboard.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Data.Tests.Iam;

public sealed class IamStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveAsync_RealExampleAccount_QueriesReturnWhatWasSaved()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var snapshot = IamTestData.Example();
        var risks = IamTestData.Risks(snapshot);
        var attention = risks.Count(r => r.Status is RiskStatus.Fail or RiskStatus.Conditional or RiskStatus.Error);

        // Act
        await db.Store().SaveAsync(snapshot, risks, syncRunId: 7, Ct);
        var accounts = await db.IamQueries().GetAccountsAsync(Ct);
        var principals = await db.IamQueries().GetPrincipalsAsync(new IamPrincipalFilter(), 0, 1000, Ct);
        var riskPage = await db.IamQueries().GetRisksAsync(new IamRiskFilter(), 0, 1000, Ct);
        var back = await db.IamQueries().GetSnapshotAsync(IamTestData.ExampleAccount, Ct);

        // Assert
        var account = Assert.Single(accounts);
        Assert.Equal(IamTestData.ExampleAccount, account.AccountId);
        Assert.Equal(IamTestData.CollectedAt, account.CollectedAt);
        Assert.Equal(7, account.SyncRunId);
        Assert.Equal("Api", account.Source);
        Assert.Equal(snapshot.Users.Count, account.Users);
        Assert.Equal(snapshot.Roles.Count, account.Roles);
        Assert.Equal(snapshot.Groups.Count, account.Groups);
        Assert.Equal(snapshot.ManagedPolicies.Count, account.ManagedPolicies);
        Assert.Equal(risks.Count(r => r.Status == RiskStatus.Fail), account.FailedRisks);
        Assert.Contains("The credential report was 3 hours old.", account.Warnings);
        Assert.Equal(snapshot.Users.Count + snapshot.Roles.Count + snapshot.Groups.Count + snapshot.ManagedPolicies.Count, principals.TotalCount);
        Assert.True(attention > 0);
        Assert.Equal(attention, riskPage.TotalCount);
        Assert.NotNull(back);
        Assert.Equal(snapshot.Roles.Select(r => r.TrustPolicy), back.Roles.Select(r => r.TrustPolicy));
    }

    [Fact]
    public async Task SaveAsync_RealExampleAccount_PrincipalRowsCarryLastUseAndRiskCounts()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var snapshot = IamTestData.Example();
        var risks = IamTestData.Risks(snapshot);

        // Act
        await db.Store().SaveAsync(snapshot, risks, null, Ct);
        var rows = (await db.IamQueries().GetPrincipalsAsync(new IamPrincipalFilter(), 0, 1000, Ct)).Rows;

        // Assert: the user's last use is the later of password and key use.
        var user = Assert.Single(rows, r => r.Arn == IamTestData.ReportedUserArn);
        Assert.Equal(IamPrincipalKind.User, user.Kind);
        Assert.Equal(IamTestData.KeyUsed, user.LastUsed);
        foreach (var row in rows)
        {
            var own = risks.Where(r => r.ResourceArn == row.Arn && r.Status is RiskStatus.Fail or RiskStatus.Conditional).ToList();
            Assert.Equal(own.Count, row.RiskCount);
            Assert.Equal(own.Count == 0 ? null : own.Max(r => r.Severity), row.HighestRiskSeverity);
        }

        Assert.Contains(rows, r => r.RiskCount > 0);
        Assert.Equal(rows.Select(r => r.Name).Order(StringComparer.Ordinal), rows.Select(r => r.Name));
    }

    [Fact]
    public async Task SaveAsync_SecondSave_ReplacesWithoutDuplicates()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var first = IamTestData.Example();
        var second = IamTestData.Example(IamTestData.CollectedAt.AddDays(1));
        var risks = IamTestData.Risks(first);
        await db.Store().SaveAsync(first, risks, 1, Ct);
        var before = await db.CountRowsAsync(Ct);

        // Act
        await db.Store().SaveAsync(second, [.. risks.Take(3)], 2, Ct);
        var after = await db.CountRowsAsync(Ct);
        var account = Assert.Single(await db.IamQueries().GetAccountsAsync(Ct));

        // Assert
        Assert.Equal((1, before.Principals, 3), after);
        Assert.Equal(2, account.SyncRunId);
        Assert.Equal(IamTestData.CollectedAt.AddDays(1), account.CollectedAt);
    }

    [Fact]
    public async Task SaveAsync_CancelledWhileWritingRisks_KeepsThePreviousData()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var first = IamTestData.Small("111111111111", "alice", "bob");
        await db.Store().SaveAsync(first, [IamTestData.Risk("111111111111", "r1", Core.Findings.Severity.High, first.Users[0].Arn, "old")], 1, Ct);
        var replacement = IamTestData.Small("111111111111", "carol");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var builder = new DbContextOptionsBuilder<DashboardDbContext>();
        builder.UseDashboardSqlite(db.Path).AddInterceptors(new CancelOnInsert("\"IamRisks\"", cts));
        var options = builder.Options;
        var store = new IamStore(new Factory(options), NullLogger<IamStore>.Instance);

        // Act
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(
            replacement, [IamTestData.Risk("111111111111", "r2", Core.Findings.Severity.Low, replacement.Users[0].Arn, "new")], 2, cts.Token));
        var principals = await db.IamQueries().GetPrincipalsAsync(new IamPrincipalFilter { Kinds = [IamPrincipalKind.User] }, 0, 10, Ct);
        var risks = await db.IamQueries().GetRisksAsync(new IamRiskFilter(), 0, 10, Ct);

        // Assert
        Assert.Equal(["alice", "bob"], principals.Rows.Select(r => r.Name));
        Assert.Equal("old", Assert.Single(risks.Rows).Message);
        Assert.Equal(1, Assert.Single(await db.IamQueries().GetAccountsAsync(Ct)).SyncRunId);
    }

    [Fact]
    public async Task SaveAsync_RiskOfAnotherAccount_ThrowsArgumentExceptionAndWritesNothing()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var snapshot = IamTestData.Small("111111111111", "alice");
        var foreign = IamTestData.Risk("222222222222", "r1", Core.Findings.Severity.High, "arn:aws:iam::222222222222:user/x", "m");

        // Act
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => db.Store().SaveAsync(snapshot, [foreign], null, Ct));

        // Assert
        Assert.Contains("222222222222", ex.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), await db.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task SaveAsync_NullInput_ThrowsArgumentException()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var blank = IamTestData.Small(" ", "alice");

        // Act / Assert
        await Assert.ThrowsAnyAsync<ArgumentException>(() => db.Store().SaveAsync(null!, [], null, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => db.Store().SaveAsync(IamTestData.Small("111111111111"), null!, null, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => db.Store().SaveAsync(blank, [], null, Ct));
        Assert.Equal((0, 0, 0), await db.CountRowsAsync(Ct));
    }

    private sealed class Factory(DbContextOptions<DashboardDbContext> options) : IDbContextFactory<DashboardDbContext>
    {
        public DashboardDbContext CreateDbContext() => new(options);
    }

    /// <summary>Cancels the save the moment it starts inserting into a table: after the deletes, inside the transaction.</summary>
    private sealed class CancelOnInsert(string table, CancellationTokenSource cts) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Check(DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO " + table, StringComparison.Ordinal))
            {
                cts.Cancel();
                cts.Token.ThrowIfCancellationRequested();
            }
        }
    }
}
