using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.CredentialReport;
using Dashboard.Core.Iam.Inventory.Serialization;

namespace Dashboard.Core.Tests.Iam.Inventory.Serialization;

public sealed class IamSnapshotJsonTests
{
    private static readonly DateTimeOffset CollectedAt = new(2026, 1, 15, 8, 30, 0, TimeSpan.FromHours(2));

    public static TheoryData<string> Dumps() => new(IamData.Dumps());

    [Theory]
    [MemberData(nameof(Dumps))]
    public void Serialize_EveryRealDumpWithCredentialReport_RoundTripsExactly(string dump)
    {
        // Arrange
        var snapshot = Enrich(IamAuthorizationDetailsReader.ReadSnapshot(IamData.Read(dump), "123456789012", CollectedAt));
        var json = IamSnapshotJson.Serialize(snapshot);

        // Act
        var back = IamSnapshotJson.Deserialize(json);

        // Assert
        Assert.Equal(json, IamSnapshotJson.Serialize(back));
        Assert.Equal(snapshot.AccountId, back.AccountId);
        Assert.Equal(snapshot.CollectedAt, back.CollectedAt);
        Assert.Equal(snapshot.CollectedAt.Offset, back.CollectedAt.Offset);
        Assert.Equal(snapshot.Source, back.Source);
        Assert.Equal(snapshot.Users, back.Users, (a, b) => a.Arn == b.Arn && a.GroupNames.SequenceEqual(b.GroupNames) && a.InlinePolicies.SequenceEqual(b.InlinePolicies));
        Assert.Equal(snapshot.Roles.Select(r => (r.Arn, r.TrustPolicy, r.LastUsed, r.CreateDate)), back.Roles.Select(r => (r.Arn, r.TrustPolicy, r.LastUsed, r.CreateDate)));
        Assert.Equal(snapshot.Groups.Select(g => g.Arn), back.Groups.Select(g => g.Arn));
        Assert.Equal(
            snapshot.ManagedPolicies.Select(p => (p.Arn, p.DefaultDocument, p.Versions.Count, p.IsAwsManaged)),
            back.ManagedPolicies.Select(p => (p.Arn, p.DefaultDocument, p.Versions.Count, p.IsAwsManaged)));
        Assert.Equal(snapshot.Warnings, back.Warnings);
        Assert.Equal(snapshot.CredentialReport!.Rows, back.CredentialReport!.Rows);
        Assert.Equal(snapshot.AccountSummary, back.AccountSummary);
        Assert.Equal(snapshot.PasswordPolicy, back.PasswordPolicy);
    }

    [Fact]
    public void Serialize_PolicyDocument_IsStoredAsItsDecodedText()
    {
        // Arrange: a malformed document must survive byte for byte.
        const string broken = "{\"Version\":\"2012-10-17\",  \"Statement\": [ {\"Effect\":\"Allow\"";
        var snapshot = new IamAccountSnapshot
        {
            AccountId = "111111111111",
            CollectedAt = CollectedAt,
            Roles = [new IamRole { Arn = "arn:aws:iam::111111111111:role/r", RoleName = "r", TrustPolicy = IamPolicyJson.FromWire(Uri.EscapeDataString(broken)) }],
        };

        // Act
        var json = IamSnapshotJson.Serialize(snapshot);
        var back = IamSnapshotJson.Deserialize(json);

        // Assert
        Assert.DoesNotContain("%7B", json, StringComparison.Ordinal);
        Assert.Equal(broken, back.Roles[0].TrustPolicy!.Json);
        Assert.False(back.Roles[0].TrustPolicy!.Parse().IsSuccess);
    }

    [Fact]
    public void Serialize_ComputedProperties_AreNotWritten()
    {
        // Arrange
        var snapshot = IamAuthorizationDetailsReader.ReadSnapshot(IamData.Read("cloudsplaining/example.json"), null, CollectedAt);

        // Act
        var json = IamSnapshotJson.Serialize(snapshot);

        // Assert
        Assert.DoesNotContain("\"IsAwsManaged\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"DefaultDocument\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"IsServiceLinked\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"FormatVersion\":1,\"Snapshot\":{\"AccountId\":\"1", "damaged")]
    [InlineData("not json", "damaged")]
    [InlineData("{\"FormatVersion\":1,\"Snapshot\":{\"CollectedAt\":\"2026-01-01T00:00:00Z\"}}", "AccountId")]
    [InlineData("{\"FormatVersion\":1,\"Snapshot\":{\"AccountId\":\"1\",\"CollectedAt\":\"yesterday\"}}", "damaged")]
    [InlineData("{\"FormatVersion\":1,\"Snapshot\":{\"AccountId\":\"1\",\"CollectedAt\":\"2026-01-01T00:00:00Z\",\"Users\":null}}", "damaged")]
    [InlineData("{\"FormatVersion\":99,\"Snapshot\":{\"AccountId\":\"1\",\"CollectedAt\":\"2026-01-01T00:00:00Z\"}}", "format version 99")]
    [InlineData("null", "null")]
    [InlineData("  ", "empty")]
    public void Deserialize_DamagedJson_ThrowsFormatExceptionSayingWhat(string json, string expected)
    {
        // Act
        var ex = Assert.Throws<FormatException>(() => IamSnapshotJson.Deserialize(json));

        // Assert
        Assert.Contains(expected, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The dump plus what an API collection adds: a real credential report, a summary, a password policy.</summary>
    internal static IamAccountSnapshot Enrich(IamAccountSnapshot snapshot) => new()
    {
        AccountId = snapshot.AccountId,
        CollectedAt = snapshot.CollectedAt,
        Source = IamSnapshotSource.Api,
        Users = snapshot.Users,
        Groups = snapshot.Groups,
        Roles = snapshot.Roles,
        ManagedPolicies = snapshot.ManagedPolicies,
        Warnings = [.. snapshot.Warnings, "a warning"],
        CredentialReport = CredentialReportParser.Parse(IamData.Read("credential-report/cloudmapper-credential-report.csv"), CollectedAt.AddMinutes(-5)),
        AccountSummary = new Dictionary<string, long> { ["Users"] = snapshot.Users.Count, ["AccountMFAEnabled"] = 1 },
        PasswordPolicyStatus = IamPasswordPolicyStatus.Custom,
        PasswordPolicy = new IamPasswordPolicy { MinimumPasswordLength = 14, RequireSymbols = true, MaxPasswordAge = 90 },
    };
}
