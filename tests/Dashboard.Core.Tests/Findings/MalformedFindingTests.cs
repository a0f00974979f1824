using System.Text.Json;
using System.Text.Json.Nodes;
using Dashboard.Core.Findings;

namespace Dashboard.Core.Tests.Findings;

/// <summary>Crafted and broken findings: each is rejected, never thrown on, with a reason naming the fault.</summary>
public sealed class MalformedFindingTests
{
    private const string ValidId = "arn:aws:securityhub:us-east-1:111122223333:security-control/S3.1/finding/abc";

    private static JsonObject ValidFinding() => new()
    {
        ["SchemaVersion"] = "2018-10-08",
        ["Id"] = ValidId,
        ["ProductArn"] = "arn:aws:securityhub:us-east-1::product/aws/securityhub",
        ["GeneratorId"] = "security-control/S3.1",
        ["AwsAccountId"] = "111122223333",
        ["Types"] = new JsonArray("Software and Configuration Checks/Industry and Regulatory Standards"),
        ["CreatedAt"] = "2024-01-31T23:00:00Z",
        ["UpdatedAt"] = "2024-02-01T08:30:00.123Z",
        ["Severity"] = new JsonObject { ["Label"] = "HIGH" },
        ["Title"] = "S3.1 S3 general purpose buckets should have block public access settings enabled",
        ["Description"] = "This control checks whether the preceding Amazon S3 block public access settings are configured.",
        ["Resources"] = new JsonArray(new JsonObject { ["Type"] = "AwsAccount", ["Id"] = "AWS::::Account:111122223333" }),
    };

    private static FindingParseResult ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return AsffFindingParser.Parse(document.RootElement);
    }

    private static FindingParseResult Parse(JsonObject finding) => ParseJson(finding.ToJsonString());

    private static void AssertRejected(FindingParseResult result, string expectedError)
    {
        Assert.False(result.IsSuccess);
        Assert.Null(result.Record);
        Assert.Equal(expectedError, result.Error);
    }

    [Fact]
    public void Parse_ValidBaseFinding_IsAccepted()
    {
        // Act
        var result = Parse(ValidFinding());

        // Assert: the base every test below breaks in one place is itself valid.
        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(ValidId, result.FindingId);
        Assert.Equal((Severity.High, 70), (result.Record.Severity, result.Record.SeverityNormalized));
    }

    [Theory]
    [InlineData("AwsAccountId")]
    [InlineData("CreatedAt")]
    [InlineData("GeneratorId")]
    [InlineData("ProductArn")]
    [InlineData("Resources")]
    [InlineData("SchemaVersion")]
    [InlineData("Severity")]
    [InlineData("Title")]
    [InlineData("Types")]
    [InlineData("UpdatedAt")]
    public void Parse_MissingRequiredField_IsRejectedNamingIt(string field)
    {
        // Arrange
        var finding = ValidFinding();
        finding.Remove(field);

        // Act
        var result = Parse(finding);

        // Assert
        AssertRejected(result, $"missing required field '{field}'");
        Assert.Equal(ValidId, result.FindingId);
    }

    [Fact]
    public void Parse_MissingId_IsRejectedWithoutAFindingId()
    {
        // Arrange
        var finding = ValidFinding();
        finding.Remove("Id");

        // Act
        var result = Parse(finding);

        // Assert
        AssertRejected(result, "missing required field 'Id'");
        Assert.Null(result.FindingId);
    }

    [Fact]
    public void Parse_SeveralFieldsMissing_NamesThemAll()
    {
        // Arrange
        var finding = ValidFinding();
        finding.Remove("Title");
        finding.Remove("Types");

        // Act
        var result = Parse(finding);

        // Assert
        AssertRejected(result, "missing required fields 'Title', 'Types'");
    }

    [Fact]
    public void Parse_MissingDescription_IsToleratedAsSecurityHubsPreviewSentIt()
    {
        // Arrange
        var finding = ValidFinding();
        finding.Remove("Description");

        // Act
        var result = Parse(finding);

        // Assert
        Assert.True(result.IsSuccess, result.Error);
    }

    [Theory]
    [InlineData("Id", "5", "'Id' must be a string, found a number")]
    [InlineData("Title", "null", "'Title' must be a string, found null")]
    [InlineData("Title", "\"   \"", "'Title' must not be empty")]
    [InlineData("AwsAccountId", "111122223333", "'AwsAccountId' must be a string, found a number")]
    [InlineData("Description", "{}", "'Description' must be a string, found an object")]
    [InlineData("Severity", "\"HIGH\"", "'Severity' must be an object, found a string")]
    [InlineData("Severity", "{\"Label\": 3}", "'Severity.Label' must be a string, found a number")]
    [InlineData("Severity", "{\"Label\": \"SEVERE\"}", "'Severity.Label' must be one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, found 'SEVERE'")]
    [InlineData("Severity", "{\"Normalized\": \"high\"}", "'Severity.Normalized' must be a number, found a string")]
    [InlineData("Severity", "{\"Normalized\": 150}", "'Severity.Normalized' must be between 0 and 100, found 150")]
    [InlineData("Severity", "{\"Original\": \"8.0\"}", "'Severity' must have a 'Label' or a 'Normalized' value")]
    [InlineData("Types", "\"Software and Configuration Checks\"", "'Types' must be an array of strings, found a string")]
    [InlineData("Types", "[\"a/b/c\", 7]", "'Types[1]' must be a string, found a number")]
    [InlineData("Resources", "{}", "'Resources' must be an array, found an object")]
    [InlineData("Resources", "[]", "'Resources' must list at least one resource, found an empty array")]
    [InlineData("Resources", "[\"arn:aws:s3:::bucket\"]", "'Resources[0]' must be an object, found a string")]
    [InlineData("Resources", "[{\"Type\": \"AwsS3Bucket\"}]", "missing required field 'Resources[0].Id'")]
    [InlineData("Resources", "[{\"Type\": [], \"Id\": \"x\"}]", "'Resources[0].Type' must be a string, found an array")]
    [InlineData("CreatedAt", "1706742000", "'CreatedAt' must be a string, found a number")]
    [InlineData("CreatedAt", "\"yesterday\"", "'CreatedAt' is not an ISO-8601 timestamp such as 2024-01-31T23:00:00Z, found 'yesterday'")]
    [InlineData("UpdatedAt", "\"2024-02-30T10:00:00Z\"", "'UpdatedAt' is not an ISO-8601 timestamp such as 2024-01-31T23:00:00Z, found '2024-02-30T10:00:00Z'")]
    [InlineData("UpdatedAt", "\"2024-01-31 23:00:00\"", "'UpdatedAt' is not an ISO-8601 timestamp such as 2024-01-31T23:00:00Z, found '2024-01-31 23:00:00'")]
    [InlineData("FirstObservedAt", "\"2024-01-31T23:00:00+25:00\"", "'FirstObservedAt' is not an ISO-8601 timestamp such as 2024-01-31T23:00:00Z, found '2024-01-31T23:00:00+25:00'")]
    [InlineData("Compliance", "\"FAILED\"", "'Compliance' must be an object, found a string")]
    [InlineData("Compliance", "{\"Status\": \"BROKEN\"}", "'Compliance.Status' must be one of PASSED, FAILED, WARNING, NOT_AVAILABLE, found 'BROKEN'")]
    [InlineData("Workflow", "{\"Status\": \"OPEN\"}", "'Workflow.Status' must be one of NEW, NOTIFIED, SUPPRESSED, RESOLVED, found 'OPEN'")]
    [InlineData("RecordState", "\"DELETED\"", "'RecordState' must be one of ACTIVE, ARCHIVED, found 'DELETED'")]
    [InlineData("Region", "[\"us-east-1\"]", "'Region' must be a string, found an array")]
    [InlineData("ProductFields", "[]", "'ProductFields' must be an object, found an array")]
    public void Parse_WrongTypeOrValue_IsRejectedNamingTheField(string field, string json, string expectedError)
    {
        // Arrange
        var finding = ValidFinding();
        finding[field] = JsonNode.Parse(json);

        // Act
        var result = Parse(finding);

        // Assert
        AssertRejected(result, expectedError);
    }

    [Fact]
    public void Parse_OneMegabyteDescription_IsRejectedOverTheAsffSizeLimit()
    {
        // Arrange
        var finding = ValidFinding();
        finding["Description"] = new string('x', 1024 * 1024);
        var json = finding.ToJsonString();
        var size = System.Text.Encoding.UTF8.GetByteCount(json);

        // Act
        var result = ParseJson(json);

        // Assert
        AssertRejected(result, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"finding is {size:N0} bytes, over the 240 KB ASFF limit"));
        Assert.Matches(@"^finding is 1,04\d,\d{3} bytes", result.Error);
        Assert.Equal(ValidId, result.FindingId);
    }

    [Fact]
    public void Parse_FindingJustUnderTheLimit_IsAccepted()
    {
        // Arrange
        var finding = ValidFinding();
        finding["Description"] = "";
        var padding = AsffFindingParser.MaxFindingBytes - System.Text.Encoding.UTF8.GetByteCount(finding.ToJsonString());
        finding["Description"] = new string('x', padding);

        // Act
        var result = Parse(finding);

        // Assert
        Assert.True(result.IsSuccess, result.Error);
    }

    [Theory]
    [InlineData("Title", "\"Bucket \\ud800 is public\"", "Title")]
    [InlineData("Description", "\"trailing low half \\udc00\"", "Description")]
    [InlineData("Resources", "[{\"Type\": \"AwsS3Bucket\", \"Id\": \"b\", \"Tags\": {\"Owner\": \"\\uDBFF\"}}]", "Resources[0].Tags.Owner")]
    [InlineData("ProductFields", "{\"\\ud800key\": \"v\"}", "ProductFields.(a property name)")]
    public void Parse_UnpairedSurrogateEscape_IsRejectedNamingWhereItIs(string field, string rawValue, string expectedPath)
    {
        // Arrange: the escape has to be written by hand; a serializer would never produce it.
        var finding = ValidFinding();
        finding[field] = "PLACEHOLDER";
        var json = finding.ToJsonString().Replace("\"PLACEHOLDER\"", rawValue, StringComparison.Ordinal);

        // Act
        var result = ParseJson(json);

        // Assert
        AssertRejected(result, $"invalid Unicode (unpaired surrogate) in '{expectedPath}'");
    }

    [Fact]
    public void Parse_MalformedUtf8InAString_IsRejectedNamingWhereItIs()
    {
        // Arrange: JsonDocument.Parse accepts a bad byte inside a string and only fails on reading it,
        // so an element parsed elsewhere (not by AsffDocumentReader) can carry one.
        var bytes = System.Text.Encoding.UTF8.GetBytes(ValidFinding().ToJsonString().Replace("S3.1 S3 general", "S3.1 S3 #eneral", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xC3;
        using var document = JsonDocument.Parse(bytes);

        // Act
        var result = AsffFindingParser.Parse(document.RootElement);

        // Assert
        AssertRejected(result, "invalid Unicode (malformed UTF-8) in 'Title'");
        Assert.Equal(ValidId, result.FindingId);
    }

    [Fact]
    public void Parse_ValidSurrogatePairEscape_IsAccepted()
    {
        // Arrange: an emoji written as an escaped pair is valid Unicode.
        var json = ValidFinding().ToJsonString().Replace("S3.1 S3 general", "S3.1 \\ud83d\\udd12 S3 general", StringComparison.Ordinal);

        // Act
        var result = ParseJson(json);

        // Assert
        Assert.True(result.IsSuccess, result.Error);
        Assert.Contains("\U0001F512", result.Record.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateId_IsRejected()
    {
        // Arrange
        var json = ValidFinding().ToJsonString().Replace("{\"SchemaVersion\"", "{\"Id\":\"other\",\"SchemaVersion\"", StringComparison.Ordinal);

        // Act
        var result = ParseJson(json);

        // Assert
        AssertRejected(result, "duplicate property 'Id'");
    }

    [Theory]
    [InlineData("[]", "a finding must be a JSON object, found an array")]
    [InlineData("\"finding\"", "a finding must be a JSON object, found a string")]
    [InlineData("null", "a finding must be a JSON object, found null")]
    [InlineData("42", "a finding must be a JSON object, found a number")]
    public void Parse_NotAnObject_IsRejected(string json, string expectedError)
    {
        // Act
        var result = ParseJson(json);

        // Assert
        AssertRejected(result, expectedError);
        Assert.Null(result.FindingId);
    }

    [Fact]
    public void Parse_DefaultJsonElement_IsRejectedNotThrown()
    {
        // Act
        var result = AsffFindingParser.Parse(default);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.StartsWith("a finding must be a JSON object", result.Error);
    }

    [Fact]
    public void Parse_ElementOfDisposedDocument_IsRejectedNotThrown()
    {
        // Arrange
        var document = JsonDocument.Parse(ValidFinding().ToJsonString());
        var element = document.RootElement;
        document.Dispose();

        // Act
        var result = AsffFindingParser.Parse(element);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.StartsWith("the finding could not be read", result.Error);
    }
}
