using System.Text.Json;

namespace Dashboard.Aws.Tests.StandIn.ModelValidation;

/// <summary>The validator must be able to fail, or passing it proves nothing.</summary>
public sealed class BotocoreModelTests
{
    private const string ValidFinding = """
        {"SchemaVersion":"2018-10-08","Id":"x","ProductArn":"arn:aws:securityhub:us-east-1::product/aws/securityhub","GeneratorId":"g",
         "AwsAccountId":"123456789012","CreatedAt":"2024-01-01T00:00:00.000Z","UpdatedAt":"2024-01-01T00:00:00.000Z","Title":"t",
         "Description":"d","Resources":[{"Type":"AwsAccount","Id":"AWS::::Account:123456789012"}],"Severity":{"Label":"LOW","Normalized":1}}
        """;

    private static readonly BotocoreModel SecurityHub = BotocoreModel.Load("securityhub-service-2.json");

    [Fact]
    public void Validate_ValidFinding_ReportsNothing()
    {
        var errors = SecurityHub.Validate(Parse(ValidFinding), "AwsSecurityFinding");

        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("\"Bogus\":1", "not a member")]
    [InlineData("\"Confidence\":\"high\"", "expected Number")]
    [InlineData("\"Confidence\":1.5", "not a whole integer")]
    [InlineData("\"RecordState\":\"DELETED\"", "not in the RecordState enum")]
    [InlineData("\"Workflow\":{\"Status\":\"OPEN\"}", "not in the WorkflowStatus enum")]
    [InlineData("\"Types\":\"Software\"", "expected Array")]
    [InlineData("\"ProductFields\":{\"a\":1}", "expected String")]
    [InlineData("\"Sample\":\"yes\"", "expected a boolean")]
    [InlineData("\"Title\":\"   \"", "does not match")]
    [InlineData("\"Note\":{\"Text\":\"t\"}", "required member Note.UpdatedBy")]
    public void Validate_BrokenFinding_ReportsTheProblem(string replacement, string expected)
    {
        var broken = ValidFinding.Replace("\"GeneratorId\":\"g\"", "\"GeneratorId\":\"g\"," + replacement, StringComparison.Ordinal);
        if (replacement.StartsWith("\"Title\"", StringComparison.Ordinal))
        {
            broken = ValidFinding.Replace("\"Title\":\"t\"", replacement, StringComparison.Ordinal);
        }

        var errors = SecurityHub.Validate(Parse(broken), "AwsSecurityFinding");

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MissingRequiredMember_ReportsIt()
    {
        var withoutTitle = ValidFinding.Replace("\"Title\":\"t\",", string.Empty, StringComparison.Ordinal);

        var errors = SecurityHub.Validate(Parse(withoutTitle), "AwsSecurityFinding");

        Assert.Contains(errors, e => e.Contains("AwsSecurityFinding.Title is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void ToJson_StsXmlWithWrongTypes_ReportsThem()
    {
        var sts = BotocoreModel.Load("sts-service-2.json");
        const string xml = """
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/R/s</Arn></AssumedRoleUser>
                <Credentials><AccessKeyId>ASIA1234567890123456</AccessKeyId><SecretAccessKey>s</SecretAccessKey>
                  <SessionToken>t</SessionToken><Expiration>tomorrow</Expiration></Credentials>
                <PackedPolicySize>lots</PackedPolicySize>
                <Surprise>1</Surprise>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """;

        var (json, problems) = QueryXml.ToJson(xml, sts, "AssumeRole");
        var errors = sts.Validate(json, "AssumeRoleResponse");

        Assert.Empty(problems);
        Assert.Contains(errors, e => e.Contains("AssumedRoleUser.AssumedRoleId is missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("not an ISO 8601 timestamp", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("PackedPolicySize", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Surprise: not a member", StringComparison.Ordinal));
    }

    [Fact]
    public void ToJson_RealStsResponseFromBotocore_Validates()
    {
        // The recorded GetSessionToken response from botocore's parsing tests is what real STS sends.
        var sts = BotocoreModel.Load("sts-service-2.json");
        var xml = File.ReadAllText(SharedData.Path("aws", "wire", "botocore-response-parsing", "responses", "sts-get-session-token.xml"));

        var (json, problems) = QueryXml.ToJson(xml, sts, "GetSessionToken");
        var errors = sts.Validate(json, sts.Output("GetSessionToken").Shape);

        Assert.Empty(problems);
        Assert.Empty(errors);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
