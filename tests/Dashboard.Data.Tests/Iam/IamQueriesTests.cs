using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Iam;
using Dashboard.Data.Tests.Support;

namespace Dashboard.Data.Tests.Iam;

public sealed class IamQueriesTests
{
    private const string A = "111111111111";
    private const string B = "222222222222";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<TestDatabase> SeedAsync()
    {
        var db = await TestDatabase.CreateAsync();
        var a = IamTestData.Small(A, "alice", "bob", "under_score");
        var b = IamTestData.Small(B, "Alice2", "dave");
        await db.Store().SaveAsync(a,
        [
            IamTestData.Risk(A, "rule_b", Severity.Low, a.Users[0].Arn, "alice has an old key"),
            IamTestData.Risk(A, "rule_a", Severity.Critical, a.Users[1].Arn, "bob is admin"),
            IamTestData.Risk(A, "rule_a", Severity.Critical, a.Users[0].Arn, "alice is admin 100%"),
            IamTestData.Risk(A, "rule_c", Severity.Medium, a.Roles[0].Arn, "role may be admin", RiskStatus.Conditional),
            IamTestData.Risk(A, "rule_d", Severity.High, a.Users[2].Arn, "blocked by SCP", RiskStatus.Mitigated),
        ], 1, Ct);
        await db.Store().SaveAsync(b,
        [
            IamTestData.Risk(B, "rule_a", Severity.Critical, b.Users[1].Arn, "dave is admin"),
        ], 2, Ct);
        return db;
    }

    [Fact]
    public async Task GetRisksAsync_DefaultFilter_ReturnsFailAndConditionalBySeverityThenRuleThenResource()
    {
        // Arrange
        await using var db = await SeedAsync();

        // Act
        var page = await db.IamQueries().GetRisksAsync(new IamRiskFilter(), 0, 50, Ct);

        // Assert
        Assert.Equal(5, page.TotalCount);
        Assert.Equal(
            ["alice is admin 100%", "bob is admin", "dave is admin", "role may be admin", "alice has an old key"],
            page.Rows.Select(r => r.Message));
        var conditional = page.Rows.Single(r => r.Status == RiskStatus.Conditional);
        Assert.Equal(["item-1", "cond-1 (if conditions hold)"], conditional.Items);
        Assert.Equal("line 1\nline 2", conditional.Explanation);
    }

    [Fact]
    public async Task GetRisksAsync_DefaultFilter_IncludesChecksThatCouldNotBeEvaluated()
    {
        // Arrange: a denied credential report leaves a check unevaluated; that gap must not read as "no risk".
        await using var db = await TestDatabase.CreateAsync();
        var a = IamTestData.Small(A, "alice");
        await db.Store().SaveAsync(a,
        [
            IamTestData.Risk(A, "rule_a", Severity.High, a.Users[0].Arn, "alice is admin"),
            IamTestData.Risk(A, "rule_root", Severity.Informational, $"arn:aws:iam::{A}:root", "could not be evaluated", RiskStatus.Error),
            IamTestData.Risk(A, "rule_m", Severity.High, a.Users[0].Arn, "blocked by SCP", RiskStatus.Mitigated),
        ], 1, Ct);

        // Act
        var page = await db.IamQueries().GetRisksAsync(new IamRiskFilter(), 0, 50, Ct);

        // Assert
        Assert.Equal(["alice is admin", "could not be evaluated"], page.Rows.Select(r => r.Message));
    }

    [Fact]
    public async Task GetRisksAsync_Paging_ReturnsTheRequestedSliceAndTheTotal()
    {
        // Arrange
        await using var db = await SeedAsync();

        // Act
        var page = await db.IamQueries().GetRisksAsync(new IamRiskFilter(), 1, 2, Ct);

        // Assert
        Assert.Equal(5, page.TotalCount);
        Assert.Equal(["bob is admin", "dave is admin"], page.Rows.Select(r => r.Message));
    }

    [Theory]
    [InlineData("ADMIN", 4)]
    [InlineData("100%", 1)]
    [InlineData("%", 1)]
    [InlineData("_", 0)]
    [InlineData("under_score", 0)]
    [InlineData("user/alice", 2)]
    public async Task GetRisksAsync_Text_MatchesLiteralCaseInsensitiveSubstring(string text, int expected)
    {
        // Arrange
        await using var db = await SeedAsync();

        // Act
        var page = await db.IamQueries().GetRisksAsync(new IamRiskFilter { Text = text }, 0, 50, Ct);

        // Assert
        Assert.Equal(expected, page.TotalCount);
    }

    [Fact]
    public async Task GetRisksAsync_CombinedFilters_ApplyEveryOne()
    {
        // Arrange
        await using var db = await SeedAsync();
        var filter = new IamRiskFilter
        {
            AccountIds = [A],
            RuleIds = ["rule_a", "rule_d"],
            Severities = [Severity.Critical, Severity.High],
            Statuses = [RiskStatus.Fail, RiskStatus.Mitigated],
            Categories = [RiskCategory.Credentials],
        };

        // Act
        var page = await db.IamQueries().GetRisksAsync(filter, 0, 50, Ct);
        var byArn = await db.IamQueries().GetRisksAsync(new IamRiskFilter { ResourceArn = $"arn:aws:iam::{A}:user/alice" }, 0, 50, Ct);

        // Assert
        Assert.Equal(["alice is admin 100%", "bob is admin", "blocked by SCP"], page.Rows.Select(r => r.Message));
        Assert.Equal(2, byArn.TotalCount);
        Assert.Empty((await db.IamQueries().GetRisksAsync(new IamRiskFilter { Categories = [RiskCategory.Trust] }, 0, 50, Ct)).Rows);
    }

    [Fact]
    public async Task GetRiskCountsAsync_DefaultFilter_GroupsByRuleWithDistinctAccounts()
    {
        // Arrange
        await using var db = await SeedAsync();

        // Act
        var counts = await db.IamQueries().GetRiskCountsAsync(new IamRiskFilter(), Ct);

        // Assert
        Assert.Equal(
            [("rule_a", Severity.Critical, 3, 2), ("rule_c", Severity.Medium, 1, 1), ("rule_b", Severity.Low, 1, 1)],
            counts.Select(c => (c.RuleId, c.Severity, c.Count, c.Accounts)));
        Assert.Equal("Title of rule_a", counts[0].Title);
        Assert.Equal(RiskCategory.Credentials, counts[0].Category);
    }

    [Fact]
    public async Task GetPrincipalsAsync_Filters_ApplyAccountKindTextAndRisk()
    {
        // Arrange
        await using var db = await SeedAsync();

        // Act
        var users = await db.IamQueries().GetPrincipalsAsync(new IamPrincipalFilter { Kinds = [IamPrincipalKind.User] }, 0, 50, Ct);
        var inA = await db.IamQueries().GetPrincipalsAsync(new IamPrincipalFilter { AccountIds = [A] }, 0, 50, Ct);
        var text = await db.IamQueries().GetPrincipalsAsync(new IamPrincipalFilter { Text = "ALICE" }, 0, 50, Ct);
        var underscore = await db.IamQueries().GetPrincipalsAsync(new IamPrincipalFilter { Text = "_" }, 0, 50, Ct);
        var risky = await db.IamQueries().GetPrincipalsAsync(new IamPrincipalFilter { OnlyWithRisks = true }, 0, 50, Ct);
        var page = await db.IamQueries().GetPrincipalsAsync(new IamPrincipalFilter(), 2, 2, Ct);

        // Assert
        Assert.Equal(["alice", "Alice2", "bob", "dave", "under_score"], users.Rows.Select(r => r.Name).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(4, inA.TotalCount);
        Assert.Equal(["Alice2", "alice"], text.Rows.Select(r => r.Name));
        Assert.Equal(["under_score"], underscore.Rows.Select(r => r.Name));
        // Mitigated results do not count: under_score has none that need attention.
        Assert.Equal(["Admin", "alice", "bob", "dave"], risky.Rows.Select(r => r.Name));
        var alice = risky.Rows.Single(r => r.Name == "alice");
        Assert.Equal((2, Severity.Critical), (alice.RiskCount, alice.HighestRiskSeverity));
        Assert.Equal(7, page.TotalCount);
        Assert.Equal(2, page.Rows.Count);
    }

    [Theory]
    [InlineData(IamPrincipalSortField.Name, false, "Admin,Admin,Alice2,alice,bob")]
    [InlineData(IamPrincipalSortField.Name, true, "under_score,dave,bob,alice,Alice2")]
    [InlineData(IamPrincipalSortField.RiskCount, true, "alice,bob,dave,Admin,Admin")]
    [InlineData(IamPrincipalSortField.Severity, true, "alice,bob,dave,Admin,Admin")]
    [InlineData(IamPrincipalSortField.Kind, true, "Admin,Admin,Alice2,alice,bob")]
    [InlineData(IamPrincipalSortField.Account, true, "Admin,Alice2,dave,Admin,alice")]
    [InlineData(IamPrincipalSortField.LastUsed, true, "Admin,Admin,Alice2,alice,bob")]
    [InlineData(IamPrincipalSortField.Created, false, "Admin,Admin,Alice2,alice,bob")]
    public async Task GetPrincipalsAsync_Sort_OrdersByTheFieldThenByName(IamPrincipalSortField field, bool descending, string expected)
    {
        // Arrange
        await using var db = await SeedAsync();
        var filter = new IamPrincipalFilter { Sort = new IamSort<IamPrincipalSortField>(field, descending) };

        // Act
        var page = await db.IamQueries().GetPrincipalsAsync(filter, 0, 5, Ct);

        // Assert: names sort in SQLite's binary order (upper case first), the default keys break ties.
        Assert.Equal(expected.Split(','), page.Rows.Select(r => r.Name));
        Assert.Equal(7, page.TotalCount);
    }

    [Fact]
    public async Task GetPrincipalsAsync_SortOutsideTheEnum_FallsBackToName()
    {
        // Arrange
        await using var db = await SeedAsync();
        var crafted = new IamPrincipalFilter { Sort = new IamSort<IamPrincipalSortField>((IamPrincipalSortField)99, true) };

        // Act
        var page = await db.IamQueries().GetPrincipalsAsync(crafted, 0, 50, Ct);
        var byName = await db.IamQueries().GetPrincipalsAsync(new IamPrincipalFilter(), 0, 50, Ct);

        // Assert
        Assert.Equal(byName.Rows.Select(r => r.Arn), page.Rows.Select(r => r.Arn));
    }

    [Theory]
    [InlineData(IamRiskSortField.Severity, false, "alice has an old key,role may be admin,alice is admin 100%,bob is admin,dave is admin")]
    [InlineData(IamRiskSortField.Resource, false, "role may be admin,alice is admin 100%,alice has an old key,bob is admin,dave is admin")]
    [InlineData(IamRiskSortField.Account, true, "dave is admin,alice is admin 100%,bob is admin,role may be admin,alice has an old key")]
    [InlineData((IamRiskSortField)42, false, "alice is admin 100%,bob is admin,dave is admin,role may be admin,alice has an old key")]
    public async Task GetRisksAsync_Sort_OrdersByTheFieldOrFallsBackToSeverity(IamRiskSortField field, bool descending, string expected)
    {
        // Arrange
        await using var db = await SeedAsync();
        var filter = new IamRiskFilter { Sort = new IamSort<IamRiskSortField>(field, descending) };

        // Act
        var page = await db.IamQueries().GetRisksAsync(filter, 0, 50, Ct);

        // Assert
        Assert.Equal(expected.Split(','), page.Rows.Select(r => r.Message));
    }

    [Fact]
    public async Task GetRisksAsync_KnownRule_CarriesWhyItMattersAndTheCountsTheRemediation()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var rule = IamRiskRules.All().First(r => r.Metadata.Reference is not null).Metadata;
        var a = IamTestData.Small(A, "alice");
        await db.Store().SaveAsync(a,
        [
            IamTestData.Risk(A, rule.Id, Severity.High, a.Users[0].Arn, "known rule"),
            IamTestData.Risk(A, "retired_rule", Severity.Low, a.Users[0].Arn, "rule no longer shipped"),
        ], 1, Ct);

        // Act
        var rows = (await db.IamQueries().GetRisksAsync(new IamRiskFilter(), 0, 50, Ct)).Rows;
        var counts = await db.IamQueries().GetRiskCountsAsync(new IamRiskFilter(), Ct);

        // Assert
        var known = rows.Single(r => r.RuleId == rule.Id);
        Assert.Equal((rule.Risk, rule.Reference), (known.WhyItMatters, known.Reference));
        Assert.Null(rows.Single(r => r.RuleId == "retired_rule").WhyItMatters);
        var count = counts.Single(c => c.RuleId == rule.Id);
        Assert.Equal((rule.Risk, rule.Remediation, rule.Reference), (count.WhyItMatters, count.Remediation, count.Reference));
        Assert.Null(counts.Single(c => c.RuleId == "retired_rule").WhyItMatters);
    }

    [Fact]
    public async Task GetSnapshotAsync_AskedTwice_ReturnsTheCachedInstanceUntilTheNextSave()
    {
        // Arrange
        await using var db = await SeedAsync();
        var queries = db.IamQueries();

        // Act
        var first = await queries.GetSnapshotAsync(A, Ct);
        var again = await queries.GetSnapshotAsync(A, Ct);
        await db.Store().SaveAsync(IamTestData.Small(A, "eve") is var s ? new Core.Iam.Inventory.IamAccountSnapshot
        {
            AccountId = A,
            CollectedAt = s.CollectedAt.AddHours(1),
            Users = s.Users,
        } : null!, [], 3, Ct);
        var afterSave = await queries.GetSnapshotAsync(A, Ct);

        // Assert
        Assert.NotNull(first);
        Assert.Same(first, again);
        Assert.NotNull(afterSave);
        Assert.Equal(["eve"], afterSave.Users.Select(u => u.UserName));
        Assert.Null(await queries.GetSnapshotAsync("999999999999", Ct));
    }

    [Fact]
    public async Task GetAccountsAsync_NothingCached_ReturnsEmpty()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();

        // Act
        var accounts = await db.IamQueries().GetAccountsAsync(Ct);

        // Assert
        Assert.Empty(accounts);
    }
}
