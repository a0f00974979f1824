using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Dashboard.StandIn;

namespace Dashboard.Aws.Tests.StandIn;

public sealed class StsTests(StandInFixture fixture) : IClassFixture<StandInFixture>
{
    private string Member => fixture.Server.Data.Organization.Accounts[2].Id;

    [Fact]
    public async Task AssumeRole_MemberAccount_IssuesCredentialsThatActAsThatAccount()
    {
        var (status, xml) = await fixture.Client.StsAsync(new Dictionary<string, string>
        {
            ["Action"] = "AssumeRole",
            ["RoleArn"] = $"arn:aws:iam::{Member}:role/SecurityDashboardReadOnly",
            ["RoleSessionName"] = "dashboard-sync",
        });
        var key = Element(xml, "AccessKeyId");

        var (_, identity) = await fixture.Client.StsAsync(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity" }, key);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("^ASIA[A-Z0-9]{16}$", key);
        Assert.Equal("2026-01-15T07:00:00Z", Element(xml, "Expiration"));
        Assert.Equal($"arn:aws:sts::{Member}:assumed-role/SecurityDashboardReadOnly/dashboard-sync", Element(xml, "Arn"));
        Assert.Equal(Member, Element(identity, "Account"));
        Assert.Equal($"arn:aws:sts::{Member}:assumed-role/SecurityDashboardReadOnly/dashboard-sync", Element(identity, "Arn"));
        Assert.EndsWith(":dashboard-sync", Element(identity, "UserId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCallerIdentity_AmbientKey_IsTheManagementAccount()
    {
        var (status, xml) = await fixture.Client.StsAsync(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity" }, "AKIAIOSFODNN7EXAMPLE");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(fixture.Server.Data.Organization.ManagementAccountId, Element(xml, "Account"));
        Assert.StartsWith("https://sts.amazonaws.com/doc/2011-06-15/", XDocument.Parse(xml).Root!.Name.NamespaceName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssumeRole_AccountOutsideTheOrganization_IsAccessDenied()
    {
        var (status, xml) = await fixture.Client.StsAsync(new Dictionary<string, string>
        {
            ["Action"] = "AssumeRole",
            ["RoleArn"] = "arn:aws:iam::999999999999:role/SecurityDashboardReadOnly",
            ["RoleSessionName"] = "dashboard-sync",
        });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("AccessDenied", Element(xml, "Code"));
        Assert.Equal("Sender", Element(xml, "Type"));
        Assert.Contains("sts:AssumeRole", Element(xml, "Message"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Element(xml, "RequestId")));
    }

    [Theory]
    [InlineData("arn:aws:iam::12345:role/R", "dashboard", null)]
    [InlineData("not-an-arn", "dashboard", null)]
    [InlineData("arn:aws:iam::123456789012:role/R", "x", null)]
    [InlineData("arn:aws:iam::123456789012:role/R", "has space", null)]
    [InlineData("arn:aws:iam::123456789012:role/R", "dashboard", "60")]
    [InlineData("arn:aws:iam::123456789012:role/R", null, null)]
    public async Task AssumeRole_InvalidParameters_IsValidationError(string roleArn, string? sessionName, string? duration)
    {
        var parameters = new Dictionary<string, string> { ["Action"] = "AssumeRole", ["RoleArn"] = roleArn };
        if (sessionName is not null)
        {
            parameters["RoleSessionName"] = sessionName;
        }

        if (duration is not null)
        {
            parameters["DurationSeconds"] = duration;
        }

        var (status, xml) = await fixture.Client.StsAsync(parameters);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationError", Element(xml, "Code"));
    }

    [Theory]
    [InlineData("DecodeAuthorizationMessage", "2011-06-15")]
    [InlineData("GetCallerIdentity", "2010-05-08")]
    public async Task Sts_UnknownActionOrVersion_IsInvalidAction(string action, string version)
    {
        var (status, xml) = await fixture.Client.StsAsync(new Dictionary<string, string> { ["Action"] = action, ["Version"] = version });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidAction", Element(xml, "Code"));
    }

    [Fact]
    public async Task AssumeRole_RequiredExternalIdMissingOrWrong_IsAccessDenied()
    {
        var options = StandInFixture.Options(findings: 10);
        options.RequiredExternalId = "dashboard-external-id";
        await using var server = await StandInServer.StartAsync(options, cancellationToken: StandInClient.Ct);
        using var client = new StandInClient(server.BaseUrl);
        var parameters = new Dictionary<string, string>
        {
            ["Action"] = "AssumeRole",
            ["RoleArn"] = $"arn:aws:iam::{server.Data.Organization.Accounts[1].Id}:role/SecurityDashboardReadOnly",
            ["RoleSessionName"] = "dashboard",
        };

        var (withoutStatus, _) = await client.StsAsync(parameters);
        var (wrongStatus, _) = await client.StsAsync(new Dictionary<string, string>(parameters) { ["ExternalId"] = "guess" });
        var (rightStatus, _) = await client.StsAsync(new Dictionary<string, string>(parameters) { ["ExternalId"] = "dashboard-external-id" });

        Assert.Equal(HttpStatusCode.Forbidden, withoutStatus);
        Assert.Equal(HttpStatusCode.Forbidden, wrongStatus);
        Assert.Equal(HttpStatusCode.OK, rightStatus);
    }

    [Fact]
    public async Task AwsSdkStsClient_AssumeRoleThenGetCallerIdentity_ParsesTheStandInsXml()
    {
        // The real AWSSDK.SecurityToken client (SigV4, XML unmarshalling) against the stand-in.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        var config = new AmazonSecurityTokenServiceConfig { ServiceURL = fixture.Server.BaseUrl.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 };
        using var ambient = new AmazonSecurityTokenServiceClient(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), config);

        var assumed = await ambient.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{Member}:role/SecurityDashboardReadOnly",
            RoleSessionName = "sdk-test",
            DurationSeconds = 900,
        }, StandInClient.Ct);
        using var member = new AmazonSecurityTokenServiceClient(assumed.Credentials, config);
        var identity = await member.GetCallerIdentityAsync(new GetCallerIdentityRequest(), StandInClient.Ct);
        var denied = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => ambient.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::999999999999:role/SecurityDashboardReadOnly",
            RoleSessionName = "sdk-test",
        }, StandInClient.Ct));

        Assert.Equal(Member, identity.Account);
        Assert.Equal($"arn:aws:sts::{Member}:assumed-role/SecurityDashboardReadOnly/sdk-test", assumed.AssumedRoleUser.Arn);
        Assert.Equal(new DateTime(2026, 1, 15, 6, 15, 0, DateTimeKind.Utc), assumed.Credentials.Expiration!.Value.ToUniversalTime());
        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    private static string Element(string xml, string name) =>
        XDocument.Parse(xml).Descendants().First(e => e.Name.LocalName == name).Value;
}
