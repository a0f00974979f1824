using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Iam.Risks.Rules.Root;
using Dashboard.Core.Tests.Iam.Access;
using static Dashboard.Core.Tests.Iam.Risks.RiskTestKit;

namespace Dashboard.Core.Tests.Iam.Risks;

public sealed class RootRulesTests
{
    private const string Root = "<root_account>";

    [Fact]
    public void RootMfa_ReportSaysNoMfa_CriticalResultOnRootArn()
    {
        // Arrange
        var snapshot = new AccountBuilder().ReportRow(Root, RootRow(mfa: false)).Build();

        // Act
        var result = Assert.Single(Run(new RootMfaRule(), snapshot));

        // Assert
        Assert.Equal((Severity.Critical, AccountBuilder.RootArn, RiskStatus.Fail), (result.Severity, result.ResourceArn, result.Status));
        Assert.Equal("The root user of account 111122223333 has no MFA device.", result.Message);
    }

    [Fact]
    public void RootMfa_ReportSaysMfa_NoResult()
    {
        // Arrange
        var snapshot = new AccountBuilder().ReportRow(Root, RootRow(mfa: true)).Summary("AccountMFAEnabled", 0).Build();

        // Act
        var results = Run(new RootMfaRule(), snapshot);

        // Assert: the credential report is the more direct source.
        Assert.Empty(results);
    }

    [Fact]
    public void RootMfa_NoReportButSummarySaysDisabled_Result()
    {
        // Arrange
        var snapshot = new AccountBuilder().Summary("AccountMFAEnabled", 0).Build();

        // Act
        var result = Assert.Single(Run(new RootMfaRule(), snapshot));

        // Assert
        Assert.Contains("GetAccountSummary: AccountMFAEnabled is 0.", result.Explanation);
    }

    [Fact]
    public void RootMfa_ReportDeniedButSummarySaysDisabled_StillEvaluatedFromTheSummary()
    {
        // Arrange: either source is enough, so a denied report does not make the rule unevaluable.
        var snapshot = new AccountBuilder().Summary("AccountMFAEnabled", 0).Build();
        snapshot = snapshot.WithAccountData(null, snapshot.AccountSummary, snapshot.PasswordPolicyStatus, null,
            [IamDataGap.Unavailable(IamAccountData.CredentialReport, "AccessDenied on iam:GetCredentialReport")], []);

        // Act
        var result = Assert.Single(Run(new RootMfaRule(), snapshot));

        // Assert
        Assert.Equal(RiskStatus.Fail, result.Status);
    }

    [Fact]
    public void RootAccessKeys_ActiveKey_ResultNamesTheKey()
    {
        // Arrange
        var snapshot = new AccountBuilder().ReportRow(Root, RootRow(mfa: true, key1: true)).Build();

        // Act
        var result = Assert.Single(Run(new RootAccessKeysRule(), snapshot));

        // Assert
        Assert.Equal(["access key 1"], result.Items);
        Assert.Contains("1 active access key", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RootAccessKeys_NoReportNoSummary_NotEvaluatedRatherThanPassed()
    {
        // Arrange
        var snapshot = new AccountBuilder().Build();

        // Act
        var results = Run(new RootAccessKeysRule(), snapshot);

        // Assert
        var result = Assert.Single(results);
        Assert.Equal(RiskStatus.Error, result.Status);
        Assert.Contains("could not be evaluated", result.Message, StringComparison.Ordinal);
        Assert.Contains("credential report unavailable: not collected; account summary unavailable: not collected", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(30, 0)]
    public void RootRecentUse_SignInDaysAgo_FlaggedWithinDefaultWeek(int daysAgo, int expected)
    {
        // Arrange
        var snapshot = new AccountBuilder().ReportRow(Root, RootRow(mfa: true, passwordUsed: daysAgo)).Build();

        // Act
        var results = Run(new RootRecentUseRule(), snapshot);

        // Assert
        Assert.Equal(expected, results.Count);
    }

    [Fact]
    public void RootRecentUse_KeyUsedWithinConfiguredThreshold_MessageNamesWhenAndHow()
    {
        // Arrange
        var snapshot = new AccountBuilder().ReportRow(Root, RootRow(mfa: true, key1: true, key1Used: 20)).Build();

        // Act
        var result = Assert.Single(Run(new RootRecentUseRule(), snapshot, new RiskAnalysisOptions { RootRecentUseDays = 30 }));

        // Assert
        Assert.Equal("The root user of account 111122223333 was used on 2025-05-12 (20 days ago) through its access key 1; threshold 30 days.", result.Message);
    }
}
