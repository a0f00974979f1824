using Dashboard.Core.Iam.Inventory;
using Dashboard.Web.Cli;

namespace Dashboard.Web.Tests.Iam;

public sealed class ImportKeepsAccountDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 10, 0, 0, TimeSpan.Zero);

    private static IamAccountSnapshot Dump(string account = "111122223333") =>
        new() { AccountId = account, CollectedAt = Now, Source = IamSnapshotSource.AuthorizationDetailsDump };

    [Fact]
    public void Apply_NothingCached_ReturnsTheDumpAsItIs()
    {
        // Arrange
        var dump = Dump();

        // Act
        var result = ImportKeepsAccountData.Apply(dump, null, out var kept);

        // Assert
        Assert.Same(dump, result);
        Assert.Null(kept);
    }

    [Fact]
    public void Apply_CachedNoCustomPolicyOnly_KeepsThatAnswerAndSaysSo()
    {
        // Arrange: the cached sync learned "no custom policy" (an answer), and had no report.
        var cached = Dump().WithAccountData(null, new Dictionary<string, long>(), IamPasswordPolicyStatus.NoCustomPolicy, null, [], []);

        // Act
        var result = ImportKeepsAccountData.Apply(Dump(), cached, out var kept);

        // Assert
        Assert.Equal(IamPasswordPolicyStatus.NoCustomPolicy, result.PasswordPolicyStatus);
        Assert.Null(result.CredentialReport);
        Assert.Equal("Kept the password policy status (no custom policy) of the cached snapshot collected 2026-02-01 10:00 UTC; a dump carries none.", kept);
        Assert.Contains(kept, result.Warnings);
    }

    [Fact]
    public void Apply_CachedSnapshotOfAnotherAccount_KeepsNothing()
    {
        // Arrange
        var cached = Dump("444455556666").WithAccountData(null, new Dictionary<string, long> { ["Users"] = 1 }, IamPasswordPolicyStatus.NoCustomPolicy, null, [], []);

        // Act
        var result = ImportKeepsAccountData.Apply(Dump(), cached, out var kept);

        // Assert
        Assert.Empty(result.AccountSummary);
        Assert.Null(kept);
    }
}
