using System.Text.Json;
using Amazon.Runtime;
using Dashboard.Aws.Client;
using Dashboard.Aws.SecurityHub;

namespace Dashboard.Aws.Tests.Client;

/// <summary>The generic client's wire shape for each protocol, against a fake endpoint.</summary>
public sealed class AwsProtocolClientTests : IAsyncLifetime
{
    private FakeAwsServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetFindingsAsync_SessionCredentials_SignsSigV4WithSessionToken()
    {
        // Arrange
        _server.Handler = _ => FakeResponse.Json("""{"Findings":[{"Id":"a"}],"NextToken":"next"}""");
        using var client = new AwsProtocolClient(
            new SessionAWSCredentials("ASIASESSIONEXAMPLE", "session-secret", "the-session-token"),
            new AwsProtocolClientConfig(AwsServiceDefinition.SecurityHub, "ap-southeast-2", _server.ServiceUrl));

        // Act
        using var page = await client.GetFindingsAsync(new GetFindingsRequest(), TestContext.Current.CancellationToken);

        // Assert
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/findings", request.Path);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIASESSIONEXAMPLE/", request.Header("Authorization"));
        Assert.Contains("/ap-southeast-2/securityhub/aws4_request", request.Header("Authorization"));
        Assert.Equal("the-session-token", request.Header("X-Amz-Security-Token"));
        Assert.NotNull(request.Header("X-Amz-Date"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal("a", Assert.Single(page.Findings).GetProperty("Id").GetString());
        Assert.Equal("next", page.NextToken);
        Assert.Equal(0, page.Retries);
    }

    [Fact]
    public async Task SendAsync_QueryProtocol_PostsSignedFormWithActionAndVersion()
    {
        // Arrange
        _server.Handler = _ => FakeResponse.Xml("<GetAccountSummaryResponse><GetAccountSummaryResult/></GetAccountSummaryResponse>");
        using var client = new AwsProtocolClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
            new AwsProtocolClientConfig(AwsServiceDefinition.Iam, "eu-west-1", _server.ServiceUrl));

        // Act
        var response = await client.SendAsync(new AwsOperationRequest("GetAccountAuthorizationDetails")
        {
            FormParameters = [new("Filter.member.1", "Role"), new("MaxItems", "100")],
        }, TestContext.Current.CancellationToken);

        // Assert
        var request = Assert.Single(_server.Requests);
        var form = request.Form();
        Assert.Equal("GetAccountAuthorizationDetails", form["Action"]);
        Assert.Equal("2010-05-08", form["Version"]);
        Assert.Equal("Role", form["Filter.member.1"]);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"));
        // IAM is global: signed for us-east-1 whatever the client's Region.
        Assert.Contains("/us-east-1/iam/aws4_request", request.Header("Authorization"));
        Assert.Contains("GetAccountSummaryResult", System.Text.Encoding.UTF8.GetString(response.Body));
    }

    [Fact]
    public async Task SendAsync_Json11Protocol_PostsTargetHeaderAndJsonBody()
    {
        // Arrange
        _server.Handler = _ => FakeResponse.Json("""{"Roots":[]}""");
        using var client = new AwsProtocolClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
            new AwsProtocolClientConfig(AwsServiceDefinition.Organizations, "eu-west-1", _server.ServiceUrl));

        // Act
        var response = await client.SendAsync(new AwsOperationRequest("ListRoots") { JsonBody = """{"MaxResults":20}"""u8.ToArray() }, TestContext.Current.CancellationToken);

        // Assert
        var request = Assert.Single(_server.Requests);
        Assert.Equal("AWSOrganizationsV20161128.ListRoots", request.Header("X-Amz-Target"));
        Assert.StartsWith("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Equal(20, JsonDocument.Parse(request.Body).RootElement.GetProperty("MaxResults").GetInt32());
        Assert.Contains("/us-east-1/organizations/aws4_request", request.Header("Authorization"));
        Assert.Equal("""{"Roots":[]}""", System.Text.Encoding.UTF8.GetString(response.Body));
    }

    [Theory]
    [InlineData("eu-west-1", "https://securityhub.eu-west-1.amazonaws.com")]
    [InlineData("cn-north-1", "https://securityhub.cn-north-1.amazonaws.com.cn")]
    public void DefaultEndpoint_RegionalService_UsesRegionalHost(string region, string expected)
    {
        // Act
        var endpoint = AwsServiceDefinition.SecurityHub.DefaultEndpoint(region);

        // Assert
        Assert.Equal(expected, endpoint);
    }

    [Fact]
    public void DefaultEndpoint_GlobalServiceInAwsPartition_UsesGlobalHostAndUsEast1()
    {
        // Act
        var endpoint = AwsServiceDefinition.Iam.DefaultEndpoint("ap-northeast-1");
        var signingRegion = AwsServiceDefinition.Iam.SigningRegionFor("ap-northeast-1");

        // Assert
        Assert.Equal("https://iam.amazonaws.com", endpoint);
        Assert.Equal("us-east-1", signingRegion);
    }
}
