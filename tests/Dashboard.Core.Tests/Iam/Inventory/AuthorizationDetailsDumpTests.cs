using System.Text.Json;
using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Tests.Iam.Inventory;

/// <summary>Every real get-account-authorization-details dump reads into the inventory model.</summary>
public sealed class AuthorizationDetailsDumpTests
{
    private static readonly DateTimeOffset CollectedAt = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Dumps() => new(IamData.Dumps());

    [Fact]
    public void Dumps_ReferenceData_HasEveryKnownDump()
    {
        // Arrange / Act
        var dumps = IamData.Dumps().ToList();

        // Assert: 7 cloudsplaining dumps (incl. the fragments), CloudMapper's and the CLI example.
        Assert.Contains("cloudsplaining/example.json", dumps);
        Assert.Contains("cloudmapper/iam-get-account-authorization-details.json", dumps);
        Assert.Contains("aws-cli-examples/get-account-authorization-details-01.json", dumps);
        Assert.Equal(8, dumps.Count);
    }

    [Theory]
    [MemberData(nameof(Dumps))]
    public void Read_EveryRealDump_HoldsEveryEntityOfTheFile(string dump)
    {
        // Arrange
        var json = IamData.Read(dump);
        using var raw = JsonDocument.Parse(json);

        // Act
        var details = IamAuthorizationDetailsReader.Read(json);

        // Assert
        Assert.Equal(CountOf(raw, "UserDetailList"), details.Users.Count);
        Assert.Equal(CountOf(raw, "GroupDetailList"), details.Groups.Count);
        Assert.Equal(CountOf(raw, "RoleDetailList"), details.Roles.Count);
        Assert.Equal(CountOf(raw, "Policies"), details.ManagedPolicies.Count);
        Assert.All(details.Users, u => Assert.StartsWith("arn:aws:iam::", u.Arn, StringComparison.Ordinal));
        Assert.All(details.Roles, r => Assert.NotNull(r.TrustPolicy));
    }

    [Theory]
    [MemberData(nameof(Dumps))]
    public void Read_EveryRealDump_EveryPolicyDocumentParses(string dump)
    {
        // Arrange
        var details = IamAuthorizationDetailsReader.Read(IamData.Read(dump));

        // Act
        var documents = details.Users.SelectMany(u => u.InlinePolicies.Select(p => ($"{u.UserName}/{p.PolicyName}", p.Document)))
            .Concat(details.Groups.SelectMany(g => g.InlinePolicies.Select(p => ($"{g.GroupName}/{p.PolicyName}", p.Document))))
            .Concat(details.Roles.SelectMany(r => r.InlinePolicies.Select(p => ($"{r.RoleName}/{p.PolicyName}", p.Document))))
            .Concat(details.Roles.Select(r => ($"{r.RoleName}/trust", r.TrustPolicy!)))
            .Concat(details.ManagedPolicies.SelectMany(p => p.Versions.Select(v => ($"{p.PolicyName}/{v.VersionId}", v.Document!))))
            .ToList();
        var failures = documents.Select(d => (d.Item1, Result: d.Item2.Parse())).Where(d => !d.Result.IsSuccess).Select(d => $"{d.Item1}: {d.Result.Error}").ToList();

        // Assert
        Assert.NotEmpty(documents);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Dumps))]
    public void Read_EveryRealDump_EveryManagedPolicyHasItsDefaultDocument(string dump)
    {
        // Arrange / Act
        var details = IamAuthorizationDetailsReader.Read(IamData.Read(dump));

        // Assert
        Assert.All(details.ManagedPolicies, p =>
        {
            Assert.NotNull(p.DefaultVersion);
            Assert.Equal(p.DefaultVersionId, p.DefaultVersion.VersionId);
            Assert.True(p.DefaultDocument!.Parse().IsSuccess);
        });
    }

    [Fact]
    public void ReadSnapshot_CloudsplainingExample_HoldsTheIamVulnerablePrincipals()
    {
        // Arrange
        var json = IamData.Read("cloudsplaining/example.json");

        // Act
        var snapshot = IamAuthorizationDetailsReader.ReadSnapshot(json, accountId: null, CollectedAt);

        // Assert
        Assert.Equal("200611803367", snapshot.AccountId);
        Assert.Equal(IamSnapshotSource.AuthorizationDetailsDump, snapshot.Source);
        Assert.Equal((44, 5, 78, 84), (snapshot.Users.Count, snapshot.Groups.Count, snapshot.Roles.Count, snapshot.ManagedPolicies.Count));
        Assert.Contains(snapshot.Users, u => u.UserName.StartsWith("privesc", StringComparison.Ordinal));
        Assert.Contains(snapshot.Users, u => u.UserName.StartsWith("fp", StringComparison.Ordinal));
        var admin = snapshot.FindManagedPolicy("arn:aws:iam::aws:policy/AdministratorAccess");
        Assert.NotNull(admin);
        Assert.True(admin.IsAwsManaged);
        Assert.Contains("\"*\"", admin.DefaultDocument!.Json, StringComparison.Ordinal);
        Assert.Null(snapshot.CredentialReport);
        Assert.Equal(IamPasswordPolicyStatus.NotCollected, snapshot.PasswordPolicyStatus);
    }

    [Fact]
    public void Read_PythonStyleTimestamps_AreReadAsUtcInstants()
    {
        // Arrange: boto3-based tools write "2023-03-09 10:41:45+00:00" instead of ISO 8601.
        var json = IamData.Read("cloudsplaining/example.json");

        // Act
        var user = IamAuthorizationDetailsReader.Read(json).Users.Single(u => u.UserName == "fn1-privesc3-partial-user");

        // Assert
        Assert.Equal(new DateTimeOffset(2023, 3, 9, 10, 41, 45, TimeSpan.Zero), user.CreateDate);
        Assert.Equal(2, user.AttachedPolicies.Count);
    }

    [Fact]
    public void Read_CliExample_ReadsTheLoneAttachedPolicyObjectAndWarns()
    {
        // Arrange: the AWS CLI documentation example has a single object where a list belongs, and is truncated.
        var json = IamData.Read("aws-cli-examples/get-account-authorization-details-01.json");

        // Act
        var snapshot = IamAuthorizationDetailsReader.ReadSnapshot(json, "123456789012", CollectedAt);

        // Assert
        var admins = snapshot.FindGroup("admins");
        Assert.NotNull(admins);
        Assert.Equal("arn:aws:iam::aws:policy/AdministratorAccess", Assert.Single(admins.AttachedPolicies).PolicyArn);
        Assert.Contains(snapshot.Warnings, w => w.Contains("single object where IAM returns a list", StringComparison.Ordinal));
        Assert.Contains(snapshot.Warnings, w => w.Contains("truncated", StringComparison.Ordinal));
        Assert.Contains(snapshot.Warnings, w => w.Contains("arn:aws:iam::aws:policy/AmazonS3FullAccess", StringComparison.Ordinal));
        var alice = snapshot.Users.Single(u => u.UserName == "Alice");
        Assert.Equal(["Admins"], snapshot.GroupsOf(alice).Select(g => g.GroupName));
        var role = Assert.Single(snapshot.Roles);
        Assert.Equal(new IamRoleLastUsed(new DateTimeOffset(2019, 11, 13, 17, 30, 0, TimeSpan.Zero), "us-west-2"), role.LastUsed);
        Assert.Equal(["EC2role"], Assert.Single(role.InstanceProfiles).RoleNames);
    }

    [Fact]
    public void Read_DumpWithoutRoleDetailList_HasNoRolesAndNamesTheMissingPolicy()
    {
        // Arrange: cloudsplaining's edge case: the group is attached to AWSLambdaReadOnlyAccess, the dump holds AWSLambda_ReadOnlyAccess.
        var json = IamData.Read("cloudsplaining/test-managed-policy-mismatch.json");

        // Act
        var snapshot = IamAuthorizationDetailsReader.ReadSnapshot(json, "123456789012", CollectedAt);

        // Assert
        Assert.Empty(snapshot.Roles);
        Assert.Contains(snapshot.Warnings, w => w.Contains("arn:aws:iam::aws:policy/AWSLambdaReadOnlyAccess", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadSnapshot_AccountDiffersFromTheArns_WarnsNamingBoth()
    {
        // Arrange
        var json = IamData.Read("cloudmapper/iam-get-account-authorization-details.json");

        // Act
        var snapshot = IamAuthorizationDetailsReader.ReadSnapshot(json, "999999999999", CollectedAt);

        // Assert
        Assert.Equal("999999999999", snapshot.AccountId);
        Assert.Contains(snapshot.Warnings, w => w.Contains("123456789012", StringComparison.Ordinal) && w.Contains("999999999999", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cloudsplaining/policy-explicit-actions.json")]
    [InlineData("cloudmapper/iam-get-account-summary.json")]
    public void Read_JsonThatIsNotADump_ThrowsNamingTheExpectedLists(string file)
    {
        // Arrange
        var json = IamData.Read(file);

        // Act
        var error = Assert.Throws<IamInventoryFormatException>(() => IamAuthorizationDetailsReader.Read(json));

        // Assert
        Assert.Contains("is not GetAccountAuthorizationDetails output", error.Message, StringComparison.Ordinal);
        Assert.Contains("UserDetailList", error.Message, StringComparison.Ordinal);
    }

    private static int CountOf(JsonDocument raw, string list) =>
        raw.RootElement.TryGetProperty(list, out var value) ? value.GetArrayLength() : 0;
}
