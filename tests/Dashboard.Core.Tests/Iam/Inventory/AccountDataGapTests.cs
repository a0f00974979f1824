using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.Serialization;

namespace Dashboard.Core.Tests.Iam.Inventory;

/// <summary>What a snapshot says about account data it lacks: why, kept through the cache, never mistaken for "none".</summary>
public sealed class AccountDataGapTests
{
    private static readonly DateTimeOffset CollectedAt = new(2026, 1, 15, 8, 30, 0, TimeSpan.Zero);

    private static IamAccountSnapshot Snapshot(IamSnapshotSource source, params IamDataGap[] gaps) =>
        new IamAccountSnapshot { AccountId = "111122223333", CollectedAt = CollectedAt, Source = source }
            .WithAccountData(null, new Dictionary<string, long>(), IamPasswordPolicyStatus.NotCollected, null, gaps, []);

    [Fact]
    public void Missing_GapRecorded_GivesItsReason()
    {
        // Arrange
        var snapshot = Snapshot(IamSnapshotSource.Api, IamDataGap.Unavailable(IamAccountData.CredentialReport, "AccessDenied on iam:GenerateCredentialReport"));

        // Act
        var reason = snapshot.Missing(IamAccountData.CredentialReport);

        // Assert
        Assert.Equal("credential report unavailable: AccessDenied on iam:GenerateCredentialReport", reason);
        Assert.Equal("Credential report unavailable: AccessDenied on iam:GenerateCredentialReport.", snapshot.Gaps[0].Sentence);
    }

    [Theory]
    [InlineData(IamSnapshotSource.AuthorizationDetailsDump, IamAccountData.AccountSummary, "account summary unavailable: an authorization-details dump does not carry it")]
    [InlineData(IamSnapshotSource.Api, IamAccountData.PasswordPolicy, "password policy unavailable: not collected")]
    public void Missing_NoGapRecorded_SaysWhyFromTheSource(IamSnapshotSource source, IamAccountData data, string expected)
    {
        // Act
        var reason = Snapshot(source).Missing(data);

        // Assert
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void Missing_NoCustomPasswordPolicy_IsAnAnswerNotAGap()
    {
        // Arrange
        var snapshot = Snapshot(IamSnapshotSource.Api).WithAccountData(null, new Dictionary<string, long> { ["Users"] = 1 }, IamPasswordPolicyStatus.NoCustomPolicy, null, [], []);

        // Act & Assert
        Assert.Null(snapshot.Missing(IamAccountData.PasswordPolicy));
        Assert.Null(snapshot.Missing(IamAccountData.AccountSummary));
        Assert.NotNull(snapshot.Missing(IamAccountData.CredentialReport));
    }

    [Fact]
    public void Serialize_Gaps_RoundTripThroughTheCache()
    {
        // Arrange
        var snapshot = Snapshot(IamSnapshotSource.Api,
            IamDataGap.Unavailable(IamAccountData.CredentialReport, "AccessDenied on iam:GenerateCredentialReport"),
            IamDataGap.Unavailable(IamAccountData.PasswordPolicy, "AccessDenied on iam:GetAccountPasswordPolicy"));

        // Act
        var back = IamSnapshotJson.Deserialize(IamSnapshotJson.Serialize(snapshot));

        // Assert
        Assert.Equal(snapshot.Gaps, back.Gaps);
        Assert.Equal(IamPasswordPolicyStatus.NotCollected, back.PasswordPolicyStatus);
    }

    [Fact]
    public void Deserialize_RowWrittenBeforeGapsExisted_HasNone()
    {
        // Act
        var back = IamSnapshotJson.Deserialize("{\"FormatVersion\":1,\"Snapshot\":{\"AccountId\":\"111122223333\",\"CollectedAt\":\"2026-01-01T00:00:00Z\"}}");

        // Assert
        Assert.Empty(back.Gaps);
        Assert.Equal("credential report unavailable: not collected", back.Missing(IamAccountData.CredentialReport));
    }

    [Fact]
    public void AccountsOtherThan_DumpOfAnotherAccount_NamesItsAccountsFromEntitiesAndCustomerPolicies()
    {
        // Arrange: a user of 444455556666 and a customer-managed policy of 777788889999; AWS-managed ARNs name no account.
        const string dump = """
            {"UserDetailList":[{"UserName":"alice","UserId":"AIDA1","Arn":"arn:aws:iam::444455556666:user/alice","Path":"/","CreateDate":"2024-01-01T00:00:00Z"}],
             "Policies":[
               {"PolicyName":"p","PolicyId":"ANPA1","Arn":"arn:aws:iam::777788889999:policy/p","Path":"/","DefaultVersionId":"v1","AttachmentCount":0,"IsAttachable":true,"PolicyVersionList":[]},
               {"PolicyName":"ReadOnlyAccess","PolicyId":"ANPA2","Arn":"arn:aws:iam::aws:policy/ReadOnlyAccess","Path":"/","DefaultVersionId":"v1","AttachmentCount":0,"IsAttachable":true,"PolicyVersionList":[]}]}
            """;
        var details = IamAuthorizationDetailsReader.Read(dump);

        // Act
        var others = details.AccountsOtherThan("111122223333");

        // Assert
        Assert.Equal(["444455556666", "777788889999"], others);
        Assert.Equal(["777788889999"], details.AccountsOtherThan("444455556666"));
    }
}
