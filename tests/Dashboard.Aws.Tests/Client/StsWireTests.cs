using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Dashboard.Aws.Credentials;

namespace Dashboard.Aws.Tests.Client;

/// <summary>STS's raw XML (botocore response-parsing corpus) read by AmazonSecurityTokenServiceClient through a ServiceURL.</summary>
public sealed class StsWireTests : IAsyncLifetime
{
    private FakeAwsServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _server = await FakeAwsServer.StartAsync();
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetSessionToken_BotocoreRawXml_ParsesLikeBotocore()
    {
        // Arrange
        var xml = await ReadAsync("responses", "sts-get-session-token.xml");
        using var expected = JsonDocument.Parse(await ReadAsync("responses", "sts-get-session-token.json"));
        _server.Handler = _ => FakeResponse.Xml(xml);
        using var sts = NewStsClient();

        // Act
        var response = await sts.GetSessionTokenAsync(new GetSessionTokenRequest(), TestContext.Current.CancellationToken);

        // Assert
        var credentials = expected.RootElement.GetProperty("Credentials");
        Assert.Equal(credentials.GetProperty("AccessKeyId").GetString(), response.Credentials.AccessKeyId);
        Assert.Equal(credentials.GetProperty("SecretAccessKey").GetString(), response.Credentials.SecretAccessKey);
        Assert.Equal(credentials.GetProperty("SessionToken").GetString(), response.Credentials.SessionToken);
        Assert.Equal(credentials.GetProperty("Expiration").GetDateTimeOffset().UtcDateTime, response.Credentials.Expiration!.Value.ToUniversalTime());
        Assert.Equal(expected.RootElement.GetProperty("ResponseMetadata").GetProperty("RequestId").GetString(), response.ResponseMetadata.RequestId);
    }

    [Fact]
    public async Task GetSessionToken_BotocoreRawError_SurfacesCodeMessageAndRequestId()
    {
        // Arrange
        var xml = await ReadAsync("errors", "sts-get-session-token.xml");
        using var expected = JsonDocument.Parse(await ReadAsync("errors", "sts-get-session-token.json"));
        _server.Handler = _ => FakeResponse.Xml(xml, 403);
        using var sts = NewStsClient();

        // Act
        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => sts.GetSessionTokenAsync(new GetSessionTokenRequest(), TestContext.Current.CancellationToken));

        // Assert
        var expectedError = expected.RootElement.GetProperty("Error");
        Assert.Equal(expectedError.GetProperty("Code").GetString(), error.ErrorCode);
        Assert.Equal(expectedError.GetProperty("Message").GetString(), error.Message);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(expected.RootElement.GetProperty("ResponseMetadata").GetProperty("RequestId").GetString(), error.RequestId);
    }

    [Fact]
    public async Task StsGateway_AssumeRole_SendsRoleExternalIdAndRegionalScope()
    {
        // Arrange
        var expiration = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        _server.Handler = _ => FakeResponse.Xml(StsXml.AssumeRole("ASIAASSUMED", "assumed-secret", "assumed-token", expiration, "arn:aws:iam::222222222222:role/Audit"));
        using var gateway = NewGateway();

        // Act
        var credentials = await gateway.AssumeRoleAsync("arn:aws:iam::222222222222:role/Audit", "security-dashboard", "ext-123", TestContext.Current.CancellationToken);

        // Assert
        var request = Assert.Single(_server.Requests);
        var form = request.Form();
        Assert.Equal("AssumeRole", form["Action"]);
        Assert.Equal("arn:aws:iam::222222222222:role/Audit", form["RoleArn"]);
        Assert.Equal("security-dashboard", form["RoleSessionName"]);
        Assert.Equal("ext-123", form["ExternalId"]);
        Assert.Contains("/eu-central-1/sts/aws4_request", request.Header("Authorization"));
        Assert.Equal("ASIAASSUMED", credentials.AccessKeyId);
        Assert.Equal("assumed-token", credentials.SessionToken);
        Assert.Equal(expiration, credentials.Expiration);
        Assert.DoesNotContain("assumed-secret", credentials.ToString());
    }

    [Fact]
    public async Task StsGateway_GetCallerIdentity_ReturnsAccount()
    {
        // Arrange
        _server.Handler = _ => FakeResponse.Xml(StsXml.GetCallerIdentity("111111111111", "arn:aws:iam::111111111111:user/auditor"));
        using var gateway = NewGateway();

        // Act
        var identity = await gateway.GetCallerIdentityAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("111111111111", identity.Account);
        Assert.Equal("arn:aws:iam::111111111111:user/auditor", identity.Arn);
        Assert.Equal("GetCallerIdentity", Assert.Single(_server.Requests).Form()["Action"]);
    }

    private AmazonSecurityTokenServiceClient NewStsClient() =>
        new(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), StsGateway.CreateConfig("us-east-1", _server.ServiceUrl, maxErrorRetry: 0));

    private StsGateway NewGateway()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new AwsOptions
        {
            Regions = ["eu-central-1"],
            ServiceUrls = new AwsServiceUrls { Sts = _server.ServiceUrl },
            MaxErrorRetry = 0,
        });
        return new StsGateway(new StaticAmbientCredentials(new BasicAWSCredentials("AKIDEXAMPLE", "secret")), options);
    }

    private static Task<string> ReadAsync(string folder, string file) =>
        File.ReadAllTextAsync(SharedData.Path("aws", "wire", "botocore-response-parsing", folder, file), TestContext.Current.CancellationToken);
}

internal sealed class StaticAmbientCredentials(AWSCredentials credentials) : IAmbientCredentials
{
    public AWSCredentials Get() => credentials;
}
