using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Dashboard.Aws.Client;

namespace Dashboard.Aws.Tests.Client;

/// <summary>
/// botocore's protocol tests (output-rest-json/json/query) hold raw error responses with the error code and
/// message a client must report. Each is served over HTTP and read through the generic client's pipeline.
/// </summary>
public sealed class WireErrorMappingTests : IAsyncLifetime
{
    private FakeAwsServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeAwsServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, int> ErrorCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in new[] { "output-rest-json.json", "output-json.json", "output-query.json" })
        {
            var cases = LoadCases(file);
            for (var i = 0; i < cases.Count; i++)
            {
                if (cases[i].TryGetProperty("errorCode", out _)) data.Add(file, i);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public async Task SendAsync_BotocoreErrorResponse_MapsErrorCodeAndMessage(string file, int index)
    {
        // Arrange
        var testCase = LoadCases(file)[index];
        var response = testCase.GetProperty("response");
        var status = response.GetProperty("status_code").GetInt32();
        var headers = response.TryGetProperty("headers", out var h)
            ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();
        var contentType = headers.Remove("Content-Type", out var ct) ? ct : "application/json";
        var body = response.TryGetProperty("body", out var b) ? b.GetString()! : "";
        _server.Handler = _ => new FakeResponse(status, body, contentType, headers);
        var service = ServiceFor(file);
        using var client = NewClient(service);

        // Act
        var error = await Assert.ThrowsAsync<AmazonServiceException>(() => client.SendAsync(new AwsOperationRequest("GreetingWithErrors"), TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(testCase.GetProperty("errorCode").GetString(), error.ErrorCode);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        if (testCase.TryGetProperty("errorMessage", out var message))
            Assert.Equal(message.GetString(), error.Message);
    }

    [Fact]
    public async Task SendAsync_IamQueryErrorFromBotocore_MatchesParsedForm()
    {
        // Arrange: IAM's raw NoSuchEntity error and botocore's parse of it.
        var xml = await File.ReadAllTextAsync(SharedData.Path("aws", "wire", "botocore-response-parsing", "errors", "iam-get-user.xml"), TestContext.Current.CancellationToken);
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(SharedData.Path("aws", "wire", "botocore-response-parsing", "errors", "iam-get-user.json"), TestContext.Current.CancellationToken));
        _server.Handler = _ => FakeResponse.Xml(xml, 404);
        using var client = NewClient(AwsServiceDefinition.Iam);

        // Act
        var error = await Assert.ThrowsAsync<AmazonServiceException>(() => client.SendAsync(new AwsOperationRequest("GetUser"), TestContext.Current.CancellationToken));

        // Assert
        var expectedError = expected.RootElement.GetProperty("Error");
        Assert.Equal(expectedError.GetProperty("Code").GetString(), error.ErrorCode);
        Assert.Equal(expectedError.GetProperty("Message").GetString(), error.Message);
        Assert.Equal(ErrorType.Sender, error.ErrorType);
        Assert.Equal(expected.RootElement.GetProperty("ResponseMetadata").GetProperty("RequestId").GetString(), error.RequestId);
    }

    [Fact]
    public async Task SendAsync_NonAwsErrorBody_KeepsStatusAndSnippet()
    {
        // Arrange: a proxy's HTML page instead of an AWS error.
        _server.Handler = _ => new FakeResponse(502, "<html><body>Bad gateway</body></html>", "text/html");
        using var client = NewClient(AwsServiceDefinition.SecurityHub);

        // Act
        var error = await Assert.ThrowsAsync<AmazonServiceException>(() => client.SendAsync(new AwsOperationRequest("GetFindings") { Path = "/findings" }, TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Contains("Bad gateway", error.Message);
        Assert.Equal(ErrorType.Receiver, error.ErrorType);
    }

    private AwsProtocolClient NewClient(AwsServiceDefinition service) =>
        new(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AwsProtocolClientConfig(service, "us-east-1", _server.ServiceUrl, maxErrorRetry: 0));

    private static AwsServiceDefinition ServiceFor(string file) => file switch
    {
        "output-rest-json.json" => AwsServiceDefinition.SecurityHub,
        "output-json.json" => AwsServiceDefinition.Organizations,
        _ => AwsServiceDefinition.Iam,
    };

    private static List<JsonElement> LoadCases(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SharedData.Path("aws", "wire", "botocore-protocol-tests", file)));
        return [.. document.RootElement.EnumerateArray().SelectMany(suite => suite.GetProperty("cases").EnumerateArray()).Select(c => c.Clone())];
    }
}
