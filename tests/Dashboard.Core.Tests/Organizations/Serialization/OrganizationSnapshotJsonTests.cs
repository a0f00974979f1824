using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Serialization;

namespace Dashboard.Core.Tests.Organizations.Serialization;

public sealed class OrganizationSnapshotJsonTests
{
    private static string ExampleOrganizationFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Dashboard.StandIn", "Seed", "org", "aws-example-organization.json");
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException("src/Dashboard.StandIn/Seed/org/aws-example-organization.json not found above the test binaries.");
    }

    [Fact]
    public void Serialize_AwsExampleOrganization_RoundTripsExactly()
    {
        // Arrange
        var snapshot = OrganizationFileReader.ReadFile(ExampleOrganizationFile());
        var json = OrganizationSnapshotJson.Serialize(snapshot);

        // Act
        var back = OrganizationSnapshotJson.Deserialize(json);

        // Assert
        Assert.Equal(json, OrganizationSnapshotJson.Serialize(back));
        Assert.Equal(snapshot.Organization, back.Organization);
        Assert.Equal(snapshot.Root.Id, back.Root.Id);
        Assert.Equal(snapshot.Root.EnabledPolicyTypes, back.Root.EnabledPolicyTypes);
        Assert.Equal(snapshot.OrganizationalUnits, back.OrganizationalUnits);
        Assert.Equal(snapshot.Accounts, back.Accounts);
        Assert.Equal(snapshot.Policies, back.Policies);
        Assert.Equal(snapshot.Attachments.Keys.Order(), back.Attachments.Keys.Order());
        foreach (var (target, ids) in snapshot.Attachments) Assert.Equal(ids, back.Attachments[target]);
        Assert.NotEmpty(back.Accounts);
    }

    [Fact]
    public void Serialize_PolicyContent_IsKeptAsItsText()
    {
        // Arrange
        var snapshot = OrganizationFileReader.ReadFile(ExampleOrganizationFile());

        // Act
        var back = OrganizationSnapshotJson.Deserialize(OrganizationSnapshotJson.Serialize(snapshot));

        // Assert
        Assert.Equal(snapshot.Policies.Select(p => p.Content), back.Policies.Select(p => p.Content));
    }

    [Fact]
    public void Deserialize_TreeThatNoLongerHoldsTogether_ThrowsFormatExceptionNamingTheProblem()
    {
        // Arrange: an account moved under an OU that is not there.
        var snapshot = OrganizationFileReader.ReadFile(ExampleOrganizationFile());
        var json = OrganizationSnapshotJson.Serialize(snapshot);
        var account = snapshot.Accounts[0];
        var damaged = json.Replace($"\"ParentId\":\"{account.ParentId}\"", "\"ParentId\":\"ou-zzzz-missing1\"", StringComparison.Ordinal);

        // Act
        var ex = Assert.Throws<FormatException>(() => OrganizationSnapshotJson.Deserialize(damaged));

        // Assert
        Assert.Contains("ou-zzzz-missing1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"FormatVersion\":1,\"Organization\":", "damaged")]
    [InlineData("[]", "damaged")]
    [InlineData("{\"FormatVersion\":1}", "damaged")]
    [InlineData("{\"FormatVersion\":2,\"Organization\":{\"Id\":\"o-1\",\"ManagementAccountId\":\"1\",\"ManagementAccountEmail\":null,\"FeatureSet\":\"ALL\"},\"Root\":{\"Id\":\"r-1\",\"Name\":\"Root\"},\"OrganizationalUnits\":[],\"Accounts\":[],\"Policies\":[],\"Attachments\":{}}", "format version 2")]
    [InlineData("", "empty")]
    public void Deserialize_DamagedJson_ThrowsFormatExceptionSayingWhat(string json, string expected)
    {
        // Act
        var ex = Assert.Throws<FormatException>(() => OrganizationSnapshotJson.Deserialize(json));

        // Assert
        Assert.Contains(expected, ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
