using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Tests.Iam.Access;

namespace Dashboard.Core.Tests.Iam.Risks;

/// <summary>
/// Analysis and "who can" over a synthetic account of 2,000 principals: complete and exact answers, no
/// timing assertions (the measured time goes to the test output for the benchmark report).
/// </summary>
public sealed class SyntheticScaleTests(ITestOutputHelper output)
{
    private static readonly Lazy<SyntheticAccount> Account = new(() => new SyntheticAccount(2000));

    [Fact]
    public void Analyze_TwoThousandPrincipals_FindsEveryAdminAndEscalator()
    {
        // Arrange
        var account = Account.Value;
        var analyzer = new IamRiskAnalyzer(RiskClock.Instance);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // Act
        var results = analyzer.Analyze(account.Snapshot);
        output.WriteLine($"analysed {account.Snapshot.Users.Count + account.Snapshot.Roles.Count} principals in {watch.ElapsedMilliseconds} ms: {results.Count} results");

        // Assert
        Assert.Equal(account.Admins, results.Count(r => r.RuleId == "iam_principal_not_admin_equivalent"));
        Assert.Equal(account.Escalators, results.Count(r => r.RuleId == "iam_principal_no_privilege_escalation" && r.Items.Contains("CreateEC2WithExistingIP")));
        // The synthetic account has no credential report or settings: only the rules needing them are not evaluated.
        var needAccountData = analyzer.Rules.Where(r => r.Metadata.Reads.Count > 0).Select(r => r.Metadata.Id).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(results, r => r.Status == RiskStatus.Error && !needAccountData.Contains(r.RuleId));
    }

    [Fact]
    public void WhoCan_TwoThousandPrincipals_EveryAdminCanCreateUsers()
    {
        // Arrange
        var account = Account.Value;
        var access = new IamAccountAccess(account.Snapshot);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        // Act
        var result = access.WhoCan("iam:CreateUser", $"arn:aws:iam::{AccountBuilder.Account}:user/new");
        output.WriteLine($"who-can over {result.PrincipalsChecked} principals in {watch.ElapsedMilliseconds} ms");

        // Assert: the admins plus the root user.
        Assert.Equal(account.Admins + 1, result.Principals.Count);
        Assert.All(result.Principals, p => Assert.Equal(WhoCanDecision.Allowed, p.Decision));
    }
}
