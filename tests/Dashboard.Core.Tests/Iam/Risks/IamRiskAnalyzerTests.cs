using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Iam.Risks.Rules.Permissions;
using Dashboard.Core.Iam.Risks.Rules.Users;
using Dashboard.Core.Tests.Iam.Access;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam.Risks;

public sealed class IamRiskAnalyzerTests
{
    private sealed class ThrowingRule : AccountRiskRule
    {
        public override RiskRuleMetadata Metadata { get; } = new()
        {
            Id = "iam_test_throws",
            Title = "Throws",
            Severity = Severity.Low,
            Category = RiskCategory.PolicyHygiene,
            ResourceType = RiskResourceType.Account,
            Risk = "A test rule that fails on purpose, to prove isolation.",
            Remediation = "Nothing to do: this rule exists only in a test.",
        };

        public override IEnumerable<RiskResult> Evaluate(AccountRiskContext account) => throw new InvalidOperationException("odd data");
    }

    [Fact]
    public void Analyze_RuleThrows_ErrorResultAndOtherRulesStillRun()
    {
        // Arrange
        var snapshot = new AccountBuilder().User("a", inline: [Policy(Allow("s3:*"))]).Build();
        var analyzer = new IamRiskAnalyzer(RiskClock.Instance, [new ThrowingRule(), new UserInlinePoliciesRule()]);

        // Act
        var results = analyzer.Analyze(snapshot);

        // Assert
        Assert.Equal(2, results.Count);
        var error = results.Single(r => r.Status == RiskStatus.Error);
        Assert.Equal("The rule could not be evaluated for account 111122223333: odd data", error.Message);
        Assert.Contains(results, r => r.RuleId == "iam_user_no_inline_policies");
    }

    [Fact]
    public void Analyze_DisabledRule_Skipped()
    {
        // Arrange
        var snapshot = new AccountBuilder().User("a", inline: [FullAwsAccess]).Build();
        var analyzer = new IamRiskAnalyzer(RiskClock.Instance);

        // Act
        var results = analyzer.Analyze(snapshot, new RiskAnalysisOptions { DisabledRules = ["iam_principal_not_admin_equivalent"] });

        // Assert
        Assert.DoesNotContain(results, r => r.RuleId == "iam_principal_not_admin_equivalent");
        Assert.Contains(results, r => r.RuleId == "iam_user_no_inline_policies");
    }

    [Fact]
    public void Analyze_MalformedPolicyDocument_ResultsInsteadOfACrash()
    {
        // Arrange
        var snapshot = new AccountBuilder().User("odd", inline: ["{\"Statement\": 42}", FullAwsAccess]).Build();
        var analyzer = new IamRiskAnalyzer(RiskClock.Instance, [new AdminEquivalentRule()]);

        // Act
        var result = Assert.Single(analyzer.Analyze(snapshot));

        // Assert: the unreadable policy might deny, so "admin" is only conditional.
        Assert.Equal(RiskStatus.Conditional, result.Status);
        Assert.Contains(result.Explanation, l => l.Contains("could not be parsed", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_UserWithUnreadableArn_ErrorResultAndTheRestAnalysed()
    {
        // Arrange
        var built = new AccountBuilder().User("admin", inline: [FullAwsAccess]).Build();
        var snapshot = new Dashboard.Core.Iam.Inventory.IamAccountSnapshot
        {
            AccountId = built.AccountId,
            CollectedAt = built.CollectedAt,
            Users = [new Dashboard.Core.Iam.Inventory.IamUser { Arn = "not-an-arn", UserName = "odd" }, .. built.Users],
        };
        var analyzer = new IamRiskAnalyzer(RiskClock.Instance, [new AdminEquivalentRule()]);

        // Act
        var results = analyzer.Analyze(snapshot);

        // Assert
        var error = Assert.Single(results, r => r.Status == RiskStatus.Error);
        Assert.StartsWith("'odd' was not analysed: 'not-an-arn' is not a principal ARN", error.Message, StringComparison.Ordinal);
        Assert.Contains(results, r => r.ResourceName == "admin" && r.Status == RiskStatus.Fail);
    }

    [Fact]
    public void AnalyzeStreaming_PrincipalResults_ComeInSnapshotOrder()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .User("first", inline: [FullAwsAccess])
            .Role("second", inline: [FullAwsAccess])
            .Build();
        var analyzer = new IamRiskAnalyzer(RiskClock.Instance, [new AdminEquivalentRule()]);

        // Act
        var names = analyzer.AnalyzeStreaming(snapshot).Select(r => r.ResourceName).ToList();

        // Assert
        Assert.Equal(["first", "second"], names);
    }
}
