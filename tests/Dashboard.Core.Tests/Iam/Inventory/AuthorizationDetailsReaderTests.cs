using Dashboard.Core.Iam.Inventory;

namespace Dashboard.Core.Tests.Iam.Inventory;

/// <summary>The reader on hand-made pages: the wire's URL-encoded documents, paging, and malformed input.</summary>
public sealed class AuthorizationDetailsReaderTests
{
    private const string EncodedTrust = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D";

    [Fact]
    public void Read_UrlEncodedDocuments_KeepsThemDecoded()
    {
        // Arrange: the shape the wire converter produces, documents still URL-encoded as IAM sends them.
        var json = $$$"""
            {"RoleDetailList":[{"Arn":"arn:aws:iam::123456789012:role/app","RoleName":"app","RoleId":"AROAEXAMPLEEXAMPLE01","Path":"/",
              "CreateDate":"2024-01-31T12:00:00Z","AssumeRolePolicyDocument":"{{{EncodedTrust}}}",
              "RolePolicyList":[{"PolicyName":"inline","PolicyDocument":"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3A%2A%22%2C%22Resource%22%3A%22%2A%22%7D%7D"}],
              "PermissionsBoundary":{"PermissionsBoundaryType":"PermissionsBoundaryPolicy","PermissionsBoundaryArn":"arn:aws:iam::123456789012:policy/boundary"},
              "Tags":[{"Key":"team","Value":"payments"}],"RoleLastUsed":{}}],
             "IsTruncated":true,"Marker":"next"}
            """;

        // Act
        var details = IamAuthorizationDetailsReader.Read(json);

        // Assert
        var role = Assert.Single(details.Roles);
        Assert.Equal("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""", role.TrustPolicy!.Json);
        Assert.True(role.TrustPolicy.Parse().IsSuccess);
        Assert.Equal("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}""", Assert.Single(role.InlinePolicies).Document.Json);
        Assert.Equal("arn:aws:iam::123456789012:policy/boundary", role.PermissionsBoundary!.PolicyArn);
        Assert.Equal(new IamTag("team", "payments"), Assert.Single(role.Tags));
        Assert.Equal(new IamRoleLastUsed(null, null), role.LastUsed);
        Assert.True(details.IsTruncated);
        Assert.Equal("next", details.Marker);
    }

    [Fact]
    public void Combine_TwoPages_KeepsEveryEntityAndTheLastPagingState()
    {
        // Arrange
        var first = IamAuthorizationDetailsReader.Read("""{"UserDetailList":[{"Arn":"arn:aws:iam::123456789012:user/a","UserName":"a"}],"IsTruncated":true,"Marker":"m1"}""");
        var second = IamAuthorizationDetailsReader.Read("""{"UserDetailList":[{"Arn":"arn:aws:iam::123456789012:user/b","UserName":"b"}],"Policies":[],"IsTruncated":false}""");

        // Act
        var combined = IamAuthorizationDetails.Combine([first, second]);

        // Assert
        Assert.Equal(["a", "b"], combined.Users.Select(u => u.UserName));
        Assert.False(combined.IsTruncated);
        Assert.Null(combined.Marker);
        Assert.Equal("123456789012", combined.InferAccountId());
    }

    [Fact]
    public void Read_ListOfPages_ReadsEveryPage()
    {
        // Arrange
        const string json = """
            [{"GroupDetailList":[{"Arn":"arn:aws:iam::123456789012:group/g","GroupName":"g"}],"IsTruncated":true,"Marker":"x"},
             {"RoleDetailList":[{"Arn":"arn:aws:iam::123456789012:role/r","RoleName":"r"}],"IsTruncated":false}]
            """;

        // Act
        var details = IamAuthorizationDetailsReader.Read(json);

        // Assert
        Assert.Equal(2, details.Count);
        Assert.False(details.IsTruncated);
    }

    [Fact]
    public void Read_MalformedPolicyDocument_IsKeptAndFailsOnlyWhenParsed()
    {
        // Arrange: a document that is not a policy must not cost the rest of the inventory.
        const string json = """{"UserDetailList":[{"Arn":"arn:aws:iam::123456789012:user/a","UserName":"a","UserPolicyList":[{"PolicyName":"broken","PolicyDocument":"%7B%22Version%22%3A"}]}]}""";

        // Act
        var user = Assert.Single(IamAuthorizationDetailsReader.Read(json).Users);
        var parsed = Assert.Single(user.InlinePolicies).Document.Parse();

        // Assert
        Assert.False(parsed.IsSuccess);
        Assert.Contains("invalid JSON", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON (line 1")]
    [InlineData("", "empty")]
    [InlineData("42", "$ must be an object, not the number 42")]
    [InlineData("""{"UserDetailList":"alice"}""", "$.UserDetailList must be a list, not the string 'alice'")]
    [InlineData("""{"UserDetailList":[{"UserName":"a"}]}""", "$.UserDetailList[0].Arn is missing")]
    [InlineData("""{"RoleDetailList":[{"Arn":"arn:aws:iam::123456789012:role/r","RoleName":"r","CreateDate":"yesterday"}]}""", "$.RoleDetailList[0].CreateDate must be a timestamp")]
    [InlineData("""{"Policies":[{"Arn":"arn:aws:iam::123456789012:policy/p","PolicyName":"p","AttachmentCount":"two"}]}""", "$.Policies[0].AttachmentCount must be a whole number")]
    [InlineData("""{"UserDetailList":[{"Arn":"arn:aws:iam::123456789012:user/a","UserName":"a","GroupList":[1]}]}""", "$.UserDetailList[0].GroupList[0] must be a string")]
    [InlineData("""{"UserDetailList":[{"Arn":"arn:aws:iam::123456789012:user/a","UserName":"\ud800"}]}""", "not valid text")]
    public void Read_MalformedInput_ThrowsNamingWhatIsWrong(string json, string expected)
    {
        // Act
        var error = Assert.Throws<IamInventoryFormatException>(() => IamAuthorizationDetailsReader.Read(json));

        // Assert
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadSnapshot_NoAccountAndNoArn_ThrowsAskingForTheAccount()
    {
        // Arrange: only AWS-managed policies, so nothing names the account.
        const string json = """{"Policies":[{"Arn":"arn:aws:iam::aws:policy/ReadOnlyAccess","PolicyName":"ReadOnlyAccess"}]}""";

        // Act
        var error = Assert.Throws<IamInventoryFormatException>(() => IamAuthorizationDetailsReader.ReadSnapshot(json, null, DateTimeOffset.UnixEpoch));

        // Assert
        Assert.Contains("give the account id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultDocument_VersionsWithoutFlag_FallsBackToDefaultVersionId()
    {
        // Arrange
        const string json = """
            {"Policies":[{"Arn":"arn:aws:iam::123456789012:policy/p","PolicyName":"p","DefaultVersionId":"v2","PolicyVersionList":[
              {"VersionId":"v1","Document":{"Version":"2012-10-17","Statement":[]}},
              {"VersionId":"v2","Document":{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}}]}]}
            """;

        // Act
        var policy = Assert.Single(IamAuthorizationDetailsReader.Read(json).ManagedPolicies);

        // Assert
        Assert.Equal("v2", policy.DefaultVersion!.VersionId);
        Assert.Contains("Deny", policy.DefaultDocument!.Json, StringComparison.Ordinal);
        Assert.False(policy.IsAwsManaged);
    }

    [Fact]
    public void FromWire_PlainJson_IsKeptAsIs()
    {
        // Act
        var document = IamPolicyJson.FromWire("""{"Version":"2012-10-17","Statement":[]}""");

        // Assert
        Assert.Equal("""{"Version":"2012-10-17","Statement":[]}""", document.Json);
        Assert.Equal(document, new IamPolicyJson(document.Json));
    }
}
