using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Iam.Risks.Rules.Account;
using Dashboard.Core.Tests.Iam.Access;
using static Dashboard.Core.Tests.Iam.Risks.RiskTestKit;

namespace Dashboard.Core.Tests.Iam.Risks;

public sealed class PasswordPolicyRuleTests
{
    private static readonly IamPasswordPolicy Strong = new()
    {
        MinimumPasswordLength = 14,
        PasswordReusePrevention = 24,
        RequireUppercaseCharacters = true,
        RequireLowercaseCharacters = true,
        RequireNumbers = true,
        RequireSymbols = true,
        ExpirePasswords = true,
        MaxPasswordAge = 90,
    };

    [Fact]
    public void PasswordPolicy_None_FlaggedAsMissing()
    {
        // Arrange
        var snapshot = new AccountBuilder().PasswordPolicy(null).Build();

        // Act
        var result = Assert.Single(Run(new PasswordPolicyRule(), snapshot));

        // Assert
        Assert.Equal(["no password policy"], result.Items);
        Assert.Equal("arn:aws:iam::111122223333:password-policy", result.ResourceArn);
    }

    [Fact]
    public void PasswordPolicy_MeetsCis_NoResult()
    {
        // Arrange
        var snapshot = new AccountBuilder().PasswordPolicy(Strong).Build();

        // Act
        var results = Run(new PasswordPolicyRule(), snapshot);

        // Assert
        Assert.Empty(results);
    }

    [Fact]
    public void PasswordPolicy_ShortAndReusable_NamesTheCisItems()
    {
        // Arrange
        var snapshot = new AccountBuilder().PasswordPolicy(Strong with { MinimumPasswordLength = 8, PasswordReusePrevention = null }).Build();

        // Act
        var result = Assert.Single(Run(new PasswordPolicyRule(), snapshot));

        // Assert
        Assert.Equal(
            ["CIS v3.0.0 1.8: minimum length 8, needs 14 or more", "CIS v3.0.0 1.9: reuse prevention off, needs 24"],
            result.Items);
    }

    [Fact]
    public void PasswordPolicy_NoComplexityNoExpiry_OlderCisItemsNamed()
    {
        // Arrange
        var weak = Strong with { RequireSymbols = false, RequireNumbers = false, MaxPasswordAge = null, ExpirePasswords = false };
        var snapshot = new AccountBuilder().PasswordPolicy(weak).Build();

        // Act
        var result = Assert.Single(Run(new PasswordPolicyRule(), snapshot));

        // Assert
        Assert.Equal(
            ["CIS v1.2.0 1.7: no symbol required", "CIS v1.2.0 1.8: no number required", "CIS v1.2.0 1.11: passwords expire never, needs 90 days or less"],
            result.Items);
    }

    [Fact]
    public void PasswordPolicy_ConfiguredLongerMinimum_StrongPolicyFails()
    {
        // Arrange
        var snapshot = new AccountBuilder().PasswordPolicy(Strong).Build();

        // Act
        var result = Assert.Single(Run(new PasswordPolicyRule(), snapshot, new RiskAnalysisOptions { MinimumPasswordLength = 16 }));

        // Assert
        Assert.Equal(["CIS v3.0.0 1.8: minimum length 14, needs 16 or more"], result.Items);
    }

    [Fact]
    public void PasswordPolicy_Unknown_NotEvaluatedNeverNoPolicy()
    {
        // Arrange: GetAccountPasswordPolicy was denied: unknown, which is not "no policy".
        var snapshot = new AccountBuilder().Build();
        snapshot = snapshot.WithAccountData(null, snapshot.AccountSummary, IamPasswordPolicyStatus.NotCollected, null,
            [IamDataGap.Unavailable(IamAccountData.PasswordPolicy, "AccessDenied on iam:GetAccountPasswordPolicy")], []);

        // Act
        var results = Run(new PasswordPolicyRule(), snapshot);

        // Assert
        var result = Assert.Single(results);
        Assert.Equal(RiskStatus.Error, result.Status);
        Assert.Equal(RiskResourceType.PasswordPolicy, result.ResourceType);
        Assert.Equal("arn:aws:iam::111122223333:password-policy", result.ResourceArn);
        Assert.Contains("password policy unavailable: AccessDenied on iam:GetAccountPasswordPolicy", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no password policy", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(result.Items);
    }
}
