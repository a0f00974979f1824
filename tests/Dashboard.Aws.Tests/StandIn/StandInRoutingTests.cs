using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Dashboard.Aws.Tests.StandIn;

public sealed class StandInRoutingTests(StandInFixture fixture) : IClassFixture<StandInFixture>
{
    [Fact]
    public async Task SecurityHub_NoAuthorizationHeader_Is403MissingAuthenticationToken()
    {
        var (status, body, response) = await fixture.Client.PostFindingsRawAsync("{}", signed: false);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("MissingAuthenticationTokenException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("Missing Authentication Token", JsonDocument.Parse(body).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Sts_NoAuthorizationHeader_IsXmlMissingAuthenticationToken()
    {
        var (status, body) = await fixture.Client.StsAsync(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity" }, signed: false);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        var error = XDocument.Parse(body).Root!;
        Assert.Equal("ErrorResponse", error.Name.LocalName);
        Assert.Equal("MissingAuthenticationToken", error.Descendants().Single(e => e.Name.LocalName == "Code").Value);
    }

    [Fact]
    public async Task Request_AuthorizationWithoutSignature_IsIncompleteSignature()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "findings") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/securityhub/aws4_request");

        var response = await http.SendAsync(request, StandInClient.Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("IncompleteSignatureException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Request_ForAServiceNotServed_NamesTheServicesThatAre()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1") };
        request.Headers.TryAddWithoutValidation("Authorization", StandInClient.Authorization(StandInClient.AmbientKey, "us-east-1", "ec2"));

        var response = await http.SendAsync(request, StandInClient.Ct);
        var body = await response.Content.ReadAsStringAsync(StandInClient.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("securityhub", body, StringComparison.Ordinal);
        Assert.Contains("sts", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityHub_UnknownPath_Is404UnknownOperation()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "insights");
        request.Headers.TryAddWithoutValidation("Authorization", StandInClient.Authorization(StandInClient.AmbientKey, "us-east-1", "securityhub"));

        var response = await http.SendAsync(request, StandInClient.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Admin_Describe_ListsOrganizationRegionsAndCounts()
    {
        var (status, body) = await fixture.Client.AdminAsync(HttpMethod.Get, "_standin");

        var info = JsonDocument.Parse(body).RootElement;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(fixture.Server.Data.Count, info.GetProperty("findings").GetInt32());
        Assert.Equal(fixture.Server.Data.Organization.ManagementAccountId, info.GetProperty("organization").GetProperty("managementAccountId").GetString());
        Assert.Equal(12, info.GetProperty("organization").GetProperty("accounts").GetArrayLength());
        Assert.Equal(fixture.Server.BaseUrl.ToString(), info.GetProperty("baseUrl").GetString());
    }

    [Fact]
    public void BaseUrl_IsLoopback()
    {
        Assert.Equal("127.0.0.1", fixture.Server.BaseUrl.Host);
        Assert.NotEqual(0, fixture.Server.BaseUrl.Port);
    }
}
