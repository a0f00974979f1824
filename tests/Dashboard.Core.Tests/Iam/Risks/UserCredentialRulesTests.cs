using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Iam.Risks.Rules.Users;
using Dashboard.Core.Tests.Iam.Access;
using static Dashboard.Core.Tests.Iam.Risks.RiskTestKit;

namespace Dashboard.Core.Tests.Iam.Risks;

public sealed class UserCredentialRulesTests
{
    [Fact]
    public void ConsolePasswordWithoutMfa_OnlyTheUserWithoutMfa()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .ReportRow("<root_account>", RootRow(mfa: false))
            .ReportRow("nomfa", Row(password: true, passwordUsed: 1, mfa: false))
            .ReportRow("withmfa", Row(password: true, passwordUsed: 1, mfa: true))
            .ReportRow("keysonly", Row(key1: true, key1Rotated: 10, key1Used: 1))
            .Build();

        // Act
        var results = Run(new ConsolePasswordWithoutMfaRule(), snapshot);

        // Assert
        var result = Assert.Single(results);
        Assert.Equal((AccountBuilder.UserArn("nomfa"), "User 'nomfa' has a console password and no MFA device."), (result.ResourceArn, result.Message));
    }

    [Theory]
    [InlineData(91, 1)]
    [InlineData(89, 0)]
    public void AccessKeyRotation_ActiveKeyAge_FlaggedOver90Days(int rotatedDaysAgo, int expected)
    {
        // Arrange
        var snapshot = new AccountBuilder().ReportRow("dev", Row(key1: true, key1Rotated: rotatedDaysAgo, key1Used: 1)).Build();

        // Act
        var results = Run(new AccessKeyRotationRule(), snapshot);

        // Assert
        Assert.Equal(expected, results.Count);
    }

    [Fact]
    public void AccessKeyRotation_InactiveOldKeyAndConfiguredThreshold_OnlyActiveCounts()
    {
        // Arrange
        var snapshot = new AccountBuilder().ReportRow("dev", Row(key1: false, key1Rotated: 500, key2: true, key2Rotated: 40, key2Used: 1)).Build();

        // Act
        var result = Assert.Single(Run(new AccessKeyRotationRule(), snapshot, new RiskAnalysisOptions { AccessKeyMaxAgeDays = 30 }));

        // Assert
        Assert.Equal(["access key 2"], result.Items);
        Assert.Contains("older than 30 days", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AccessKeyUnused_UsedLongAgoAndNeverUsed_BothListed()
    {
        // Arrange
        var snapshot = new AccountBuilder().ReportRow("dev", Row(key1: true, key1Rotated: 300, key1Used: 120, key2: true, key2Rotated: 200)).Build();

        // Act
        var result = Assert.Single(Run(new AccessKeyUnusedRule(), snapshot));

        // Assert
        Assert.Equal(["access key 1", "access key 2"], result.Items);
        Assert.Contains("Access key 2 was never used; created 2024-11-13 (200 days ago).", result.Explanation);
    }

    [Fact]
    public void AccessKeyUnused_NewKeyNeverUsed_NotYetFlagged()
    {
        // Arrange
        var snapshot = new AccountBuilder().ReportRow("dev", Row(key1: true, key1Rotated: 5)).Build();

        // Act
        var results = Run(new AccessKeyUnusedRule(), snapshot);

        // Assert
        Assert.Empty(results);
    }

    [Fact]
    public void SingleActiveAccessKey_TwoActiveKeys_Flagged()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .ReportRow("two", Row(key1: true, key1Rotated: 10, key2: true, key2Rotated: 5))
            .ReportRow("one", Row(key1: true, key1Rotated: 10, key2: false))
            .Build();

        // Act
        var result = Assert.Single(Run(new SingleActiveAccessKeyRule(), snapshot));

        // Assert
        Assert.Equal("two", result.ResourceName);
    }

    [Fact]
    public void PasswordUnused_LastUsedLongAgo_Flagged()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .ReportRow("stale", Row(password: true, passwordUsed: 100, mfa: true))
            .ReportRow("active", Row(password: true, passwordUsed: 2, mfa: true))
            .Build();

        // Act
        var result = Assert.Single(Run(new PasswordUnusedRule(), snapshot));

        // Assert
        Assert.Equal("User 'stale' has not used its console password since 2025-02-21 (100 days ago); threshold 90 days.", result.Message);
    }

    [Fact]
    public void PasswordUnused_NeverUsedAndSetLongAgo_Flagged()
    {
        // Arrange
        var snapshot = new AccountBuilder().ReportRow("never", Row(created: 300, password: true, passwordChanged: 200, mfa: true)).Build();

        // Act
        var result = Assert.Single(Run(new PasswordUnusedRule(), snapshot));

        // Assert
        Assert.Contains("has never used its console password, set 2024-11-13 (200 days ago)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialRules_NoCredentialReport_EachSaysItCouldNotBeEvaluatedAndWhy()
    {
        // Arrange: the collector recorded why the report is missing.
        var snapshot = new AccountBuilder().User("alice").Build();
        snapshot = snapshot.WithAccountData(null, snapshot.AccountSummary, snapshot.PasswordPolicyStatus, null,
            [IamDataGap.Unavailable(IamAccountData.CredentialReport, "AccessDenied on iam:GenerateCredentialReport")], []);
        IamRiskRule[] rules = [new ConsolePasswordWithoutMfaRule(), new AccessKeyRotationRule(), new AccessKeyUnusedRule(), new SingleActiveAccessKeyRule(), new PasswordUnusedRule()];

        // Act
        var results = new IamRiskAnalyzer(RiskClock.Instance, rules).Analyze(snapshot);

        // Assert: one account-level result per rule, none on alice, none counted as a failure.
        Assert.Equal(rules.Select(r => r.Metadata.Id), results.Select(r => r.RuleId));
        Assert.All(results, r =>
        {
            Assert.Equal(RiskStatus.Error, r.Status);
            Assert.Equal(RiskResourceType.Account, r.ResourceType);
            Assert.Equal(Severity.Informational, r.Severity);
            Assert.EndsWith("could not be evaluated for account 111122223333: credential report unavailable: AccessDenied on iam:GenerateCredentialReport.", r.Message, StringComparison.Ordinal);
            Assert.Contains("iam:GenerateCredentialReport", r.Remediation, StringComparison.Ordinal);
        });
    }
}
