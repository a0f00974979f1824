using Amazon.Runtime;
using Dashboard.Aws.Client;
using Dashboard.Aws.Iam;
using Dashboard.Aws.Tests.Client;

namespace Dashboard.Aws.Tests.Iam;

/// <summary>What the IAM operations put on the wire: the Query form and the SigV4 scope of a global service.</summary>
public sealed class IamRequestShapeTests
{
    private const string EmptyPage = """
        <GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetAccountAuthorizationDetailsResult><IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/></GetAccountAuthorizationDetailsResult>
          <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>
        </GetAccountAuthorizationDetailsResponse>
        """;

    [Fact]
    public async Task GetAccountAuthorizationDetailsAsync_AllFiltersAndAMarker_SendsTheQueryFormSignedForUsEast1()
    {
        // Arrange
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        await using var server = await FakeAwsServer.StartAsync(_ => FakeResponse.Xml(EmptyPage));
        using var client = new AwsProtocolClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AwsProtocolClientConfig(AwsServiceDefinition.Iam, "eu-west-1", server.ServiceUrl));

        // Act
        var page = await client.GetAccountAuthorizationDetailsAsync(IamOperations.AllEntityTypes, 250, "marker/with+chars=", TestContext.Current.CancellationToken);

        // Assert
        var request = Assert.Single(server.Requests);
        var form = request.Form();
        Assert.Equal("GetAccountAuthorizationDetails", form["Action"]);
        Assert.Equal("2010-05-08", form["Version"]);
        Assert.Equal(["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"], Enumerable.Range(1, 5).Select(i => form[$"Filter.member.{i}"]));
        Assert.Equal("250", form["MaxItems"]);
        Assert.Equal("marker/with+chars=", form["Marker"]);
        Assert.Contains("/us-east-1/iam/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(0, page.Details.Count);
        Assert.False(page.Details.IsTruncated);
    }

    [Fact]
    public async Task GetAccountAuthorizationDetailsAsync_MaxItemsOutOfRange_IsRefusedBeforeTheCall()
    {
        // Arrange
        await using var server = await FakeAwsServer.StartAsync(_ => FakeResponse.Xml(EmptyPage));
        using var client = new AwsProtocolClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AwsProtocolClientConfig(AwsServiceDefinition.Iam, "us-east-1", server.ServiceUrl));

        // Act
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetAccountAuthorizationDetailsAsync(IamOperations.AllEntityTypes, 1001, null, TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("between 1 and 1000", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
