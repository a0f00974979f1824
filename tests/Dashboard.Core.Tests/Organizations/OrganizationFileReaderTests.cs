using Dashboard.Core.Organizations;

namespace Dashboard.Core.Tests.Organizations;

public sealed class OrganizationFileReaderTests
{
    private const string Valid = """
        {
          // comments are allowed in hand-written files
          "formatVersion": 1,
          "organization": { "id": "o-exampleorgid", "managementAccountId": "111111111111", "managementAccountEmail": "bill@example.com" },
          "root": {
            "id": "r-examplerootid111",
            "policies": ["p-FullAWSAccess"],
            "accounts": [ { "id": "111111111111", "name": "Master Account", "email": "bill@example.com", "joinedTimestamp": 1481830215.45, "policies": ["p-FullAWSAccess"] } ],
            "organizationalUnits": [
              {
                "id": "ou-examplerootid111-exampleouid111",
                "name": "Accounting",
                "policies": ["p-FullAWSAccess"],
                "accounts": [ { "id": "444444444444", "name": "Test Account", "email": "anika@example.com", "status": "SUSPENDED", "joinedTimestamp": "2016-12-15T21:03:32Z", "policies": ["p-examplepolicyid222"] } ],
                "organizationalUnits": [ { "id": "ou-examplerootid111-nestedou1", "name": "Nested" } ]
              }
            ]
          },
          "policies": [
            { "id": "p-FullAWSAccess", "name": "FullAWSAccess", "awsManaged": true,
              "content": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}" },
            { "id": "p-examplepolicyid222", "name": "AllowAllEC2Actions", "type": "SERVICE_CONTROL_POLICY",
              "content": { "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "ec2:*", "Resource": "*" } ] } }
          ]
        }
        """;

    [Fact]
    public void Read_ValidFile_BuildsTheTreeAttachmentsAndDefaults()
    {
        // Act
        var snapshot = OrganizationFileReader.Read(Valid, "test.json");

        // Assert
        Assert.Equal(("o-exampleorgid", "111111111111", "ALL"), (snapshot.Organization.Id, snapshot.ManagementAccountId, snapshot.Organization.FeatureSet));
        Assert.Equal("Root", snapshot.Root.Name);
        Assert.Equal([OrganizationPolicyTypes.ServiceControlPolicy], snapshot.Root.EnabledPolicyTypes);
        Assert.Equal(["ou-examplerootid111-exampleouid111", "ou-examplerootid111-nestedou1"], snapshot.OrganizationalUnits.Select(u => u.Id));
        var test = snapshot.FindAccount("444444444444")!;
        Assert.Equal(("SUSPENDED", "ou-examplerootid111-exampleouid111"), (test.Status, test.ParentId));
        Assert.Equal(new DateTimeOffset(2016, 12, 15, 21, 3, 32, TimeSpan.Zero), test.JoinedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1481830215450), snapshot.FindAccount("111111111111")!.JoinedAt);
        Assert.Equal(["p-examplepolicyid222"], snapshot.Attachments["444444444444"]);
        Assert.Empty(snapshot.PolicyProblems());
    }

    [Fact]
    public void Read_ContentAsObject_KeepsTheDocumentAsText()
    {
        // Act
        var snapshot = OrganizationFileReader.Read(Valid);

        // Assert
        var policy = snapshot.FindPolicy("p-examplepolicyid222")!;
        Assert.StartsWith("{", policy.Content, StringComparison.Ordinal);
        Assert.Contains("ec2:*", policy.Content, StringComparison.Ordinal);
        Assert.True(snapshot.ParsedPolicy(policy.Id).Parsed.IsSuccess);
    }

    [Theory]
    [InlineData("", "the file is empty.")]
    [InlineData("{ \"organization\": ", "not valid JSON at line 1, column 19: Expected depth to be zero at the end of the JSON payload.")]
    [InlineData("[]", "$: expected an object, got an array.")]
    [InlineData("{}", "$: 'organization' is required.")]
    [InlineData("{\"formatVersion\": 2}", "$.formatVersion: this reader understands version 1, the file says 2.")]
    public void Read_NotAnOrganizationDocument_SaysWhatIsWrong(string json, string expected)
    {
        // Act
        var error = Assert.Throws<InvalidOrganizationException>(() => OrganizationFileReader.Read(json, "bad.json"));

        // Assert
        Assert.Contains(error.Problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.StartsWith("bad.json is not a valid organization", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"id\": \"444444444444\"", "\"id\": \"4444\"", "$.root.organizationalUnits[0].accounts[0].id: '4444' is not a 12-digit account id.")]
    [InlineData("\"id\": \"ou-examplerootid111-nestedou1\"", "\"id\": \"prod\"", "$.root.organizationalUnits[0].organizationalUnits[0].id: 'prod' is not an OU id")]
    [InlineData("\"name\": \"Nested\"", "\"name\": 7", "$.root.organizationalUnits[0].organizationalUnits[0].name: expected a non-empty string, got the number 7.")]
    [InlineData("\"status\": \"SUSPENDED\"", "\"status\": \"GONE\"", "$.root.organizationalUnits[0].accounts[0].status: 'GONE' is not one of")]
    [InlineData("\"organizationalUnits\": [ { \"id\": \"ou-examplerootid111-nestedou1\"", "\"organisationalUnits\": [ { \"id\": \"ou-examplerootid111-nestedou1\"", "unknown member 'organisationalUnits'")]
    [InlineData("\"policies\": [\"p-examplepolicyid222\"]", "\"policies\": [\"p-nosuchpolicy\"]", "444444444444 has policy p-nosuchpolicy attached, which is not among the policies.")]
    [InlineData("\"joinedTimestamp\": \"2016-12-15T21:03:32Z\"", "\"joinedTimestamp\": \"yesterday\"", "joinedTimestamp: \"yesterday\" is not a timestamp")]
    [InlineData("\"type\": \"SERVICE_CONTROL_POLICY\"", "\"type\": \"SCP\"", "$.policies[1].type: 'SCP' is not an Organizations policy type")]
    [InlineData("\"managementAccountId\": \"111111111111\"", "\"managementAccountId\": \"999999999999\"", "the management account 999999999999 is not among the accounts.")]
    public void Read_OneBadValue_NamesItsPath(string original, string replacement, string expected)
    {
        // Arrange
        Assert.Contains(original, Valid, StringComparison.Ordinal);
        var json = Valid.Replace(original, replacement, StringComparison.Ordinal);

        // Act
        var error = Assert.Throws<InvalidOrganizationException>(() => OrganizationFileReader.Read(json));

        // Assert
        Assert.Contains(error.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SeveralProblems_ReportsThemAllAtOnce()
    {
        // Arrange
        var json = Valid
            .Replace("\"id\": \"444444444444\"", "\"id\": \"4444\"", StringComparison.Ordinal)
            .Replace("\"name\": \"Nested\"", "\"name\": \"\"", StringComparison.Ordinal)
            .Replace("\"awsManaged\": true", "\"awsManaged\": \"yes\"", StringComparison.Ordinal);

        // Act
        var error = Assert.Throws<InvalidOrganizationException>(() => OrganizationFileReader.Read(json));

        // Assert
        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("$.policies[0].awsManaged", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_InvalidPolicyDocument_LoadsAndReportsThePolicy()
    {
        // Arrange: a content string that is not JSON is the policy's problem, not the file's.
        var json = Valid.Replace("\"content\": \"{\\\"Version", "\"content\": \"{ oops \\\"Version", StringComparison.Ordinal);
        Assert.NotEqual(Valid, json);

        // Act
        var snapshot = OrganizationFileReader.Read(json);

        // Assert
        var problem = Assert.Single(snapshot.PolicyProblems());
        Assert.Equal("p-FullAWSAccess", problem.PolicyId);
        Assert.Equal(["111111111111", "ou-examplerootid111-exampleouid111", "r-examplerootid111"], problem.AttachedTo.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadFile_MissingFile_SaysSo()
    {
        // Act
        var error = Assert.Throws<InvalidOrganizationException>(() => OrganizationFileReader.ReadFile("/nonexistent/org.json"));

        // Assert
        Assert.Contains("the file /nonexistent/org.json does not exist.", error.Problems);
    }

    [Fact]
    public void Read_NoPolicyTypesWithConsolidatedBilling_EnablesNoScps()
    {
        // Arrange
        var json = Valid.Replace("\"managementAccountEmail\"", "\"featureSet\": \"CONSOLIDATED_BILLING\", \"managementAccountEmail\"", StringComparison.Ordinal);

        // Act
        var snapshot = OrganizationFileReader.Read(json);

        // Assert
        Assert.Empty(snapshot.Root.EnabledPolicyTypes);
        Assert.Empty(EffectivePolicies.ForAccount(snapshot, "444444444444"));
    }
}
