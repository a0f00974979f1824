using System.Text.Json;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Tests.Iam.Inventory;

/// <summary>GetAccountSummary and GetAccountPasswordPolicy output.</summary>
public sealed class AccountSettingsReaderTests
{
    [Fact]
    public void ReadSummary_CloudMapperRecording_ReadsEveryKey()
    {
        // Arrange
        using var document = JsonDocument.Parse(IamData.Read("cloudmapper/iam-get-account-summary.json"));

        // Act
        var summary = IamAccountSummaryReader.Read(document.RootElement);

        // Assert
        Assert.Equal(33, summary.Count);
        Assert.Equal(1, summary["AccountMFAEnabled"]);
        Assert.Equal(1, summary["AccountAccessKeysPresent"]);
        Assert.Equal(9, summary["Roles"]);
    }

    [Fact]
    public void ReadPasswordPolicy_BotocoreExample_ReadsEveryMember()
    {
        // Arrange
        using var document = JsonDocument.Parse(IamData.Read("botocore-examples/iam-examples-1.json"));
        var output = document.RootElement.GetProperty("examples").GetProperty("GetAccountPasswordPolicy")[0].GetProperty("output");

        // Act
        var policy = IamPasswordPolicyReader.Read(output);

        // Assert
        Assert.Equal(new IamPasswordPolicy
        {
            MinimumPasswordLength = 8,
            RequireSymbols = true,
            RequireNumbers = true,
            MaxPasswordAge = 90,
            PasswordReusePrevention = 12,
            HardExpiry = false,
        }, policy);
    }

    [Theory]
    [InlineData("""{"SummaryMap":{"Users":"many"}}""", "SummaryMap.Users must be a whole number")]
    [InlineData("""{"SummaryMap":[]}""", "SummaryMap must be an object")]
    public void ReadSummary_Malformed_ThrowsNamingTheKey(string json, string expected)
    {
        // Arrange
        using var document = JsonDocument.Parse(json);

        // Act
        var error = Assert.Throws<IamInventoryFormatException>(() => IamAccountSummaryReader.Read(document.RootElement));

        // Assert
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPasswordPolicy_WrongType_ThrowsNamingTheMember()
    {
        // Arrange
        using var document = JsonDocument.Parse("""{"PasswordPolicy":{"MinimumPasswordLength":"eight"}}""");

        // Act
        var error = Assert.Throws<IamInventoryFormatException>(() => IamPasswordPolicyReader.Read(document.RootElement));

        // Assert
        Assert.Contains("PasswordPolicy.MinimumPasswordLength must be a whole number", error.Message, StringComparison.Ordinal);
    }
}
