using System.Text;
using Dashboard.Core.Findings;

namespace Dashboard.Core.Tests.Findings;

public sealed class AsffDocumentReaderTests
{
    private const string Finding = """{"SchemaVersion":"2018-10-08","Id":"f-1","ProductArn":"arn:aws:securityhub:us-east-1::product/aws/securityhub"}""";

    [Theory]
    [InlineData("{\"Findings\":[@,@]}", AsffDocumentShape.FindingsObject, 2)]
    [InlineData("{\"Findings\":[],\"NextToken\":null}", AsffDocumentShape.FindingsObject, 0)]
    [InlineData("[@]", AsffDocumentShape.FindingArray, 1)]
    [InlineData("[]", AsffDocumentShape.FindingArray, 0)]
    [InlineData("@", AsffDocumentShape.SingleFinding, 1)]
    [InlineData("{\"version\":\"0\",\"detail-type\":\"Security Hub Findings - Imported\",\"detail\":{\"findings\":[@,@,@]}}", AsffDocumentShape.EventBridgeEvent, 3)]
    [InlineData("{\"status_code\":200,\"data\":{\"ResponseMetadata\":{},\"Findings\":[@]}}", AsffDocumentShape.RecordedResponse, 1)]
    public void Read_EachEnvelope_YieldsItsFindings(string template, AsffDocumentShape shape, int count)
    {
        // Arrange
        var json = template.Replace("@", Finding, StringComparison.Ordinal);

        // Act
        using var document = AsffDocumentReader.Read(json);

        // Assert
        Assert.Null(document.Error);
        Assert.Equal(shape, document.Shape);
        Assert.Equal(count, document.Findings.Count);
        Assert.All(document.Findings, f => Assert.Equal("f-1", f.GetProperty("Id").GetString()));
    }

    [Theory]
    [InlineData("", "the document is empty")]
    [InlineData(" \r\n\t ", "the document is empty")]
    [InlineData("42", "not an ASFF document: expected an object or an array, found a number")]
    [InlineData("{\"Findings\":{}}", "'Findings' must be an array of findings, found an object")]
    [InlineData("{\"detail\":{\"findings\":\"none\"}}", "'detail.findings' must be an array of findings, found a string")]
    [InlineData("{\"status_code\":200,\"data\":{\"FailedCount\":0}}", "the recorded response holds no findings ('data' has keys 'FailedCount')")]
    [InlineData("{}", "not an ASFF document: expected a finding, an array of findings, {\"Findings\":[...]}, an EventBridge event or a recorded response, found an object with no keys")]
    [InlineData("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8}", "not an ASFF document: expected a finding, an array of findings, {\"Findings\":[...]}, an EventBridge event or a recorded response, found an object with keys 'a', 'b', 'c', 'd', 'e', 'f' and 2 more")]
    [InlineData("{\"Findings\":[", "invalid JSON at line 1, byte 14: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.")]
    [InlineData("{\"Findings\":[]}\n{}", "invalid JSON at line 2, byte 1: '{' is invalid after a single JSON value. Expected end of data.")]
    public void Read_BadDocument_GivesAClearError(string json, string expectedError)
    {
        // Act
        using var document = AsffDocumentReader.Read(json);

        // Assert
        Assert.Equal(AsffDocumentShape.Unrecognized, document.Shape);
        Assert.False(document.IsSuccess);
        Assert.Empty(document.Findings);
        Assert.Equal(expectedError, document.Error);
    }

    [Fact]
    public void Read_InvalidUtf8Bytes_GivesAClearError()
    {
        // Arrange: the bad byte sits inside a string, where System.Text.Json itself would not look.
        var bytes = Encoding.UTF8.GetBytes("{\"Title\":\"x\"}");
        bytes[10] = 0xFF;

        // Act
        using var document = AsffDocumentReader.Read(bytes);

        // Assert
        Assert.Equal("invalid UTF-8 at line 1, byte 11: the document is not UTF-8 text", document.Error);
    }

    [Fact]
    public void Read_DeeplyNestedJson_IsRefusedNotOverflowed()
    {
        // Arrange
        var json = new string('[', 10_000) + new string(']', 10_000);

        // Act
        using var document = AsffDocumentReader.Read(json);

        // Assert
        Assert.StartsWith("invalid JSON at line 1, byte 129:", document.Error);
        Assert.Contains("depth", document.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsSkipped()
    {
        // Arrange
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("[" + Finding + "]")).ToArray();

        // Act
        using var document = AsffDocumentReader.Read(bytes);

        // Assert
        Assert.Null(document.Error);
        Assert.Single(document.Findings);
    }

    [Fact]
    public void Read_Stream_ReadsToTheEnd()
    {
        // Arrange
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"Findings\":[" + Finding + "," + Finding + "]}"));

        // Act
        using var document = AsffDocumentReader.Read(stream);

        // Assert
        Assert.Equal(2, document.Findings.Count);
        Assert.Equal(stream.Length, stream.Position);
    }

    [Fact]
    public void Read_MixedArray_YieldsEveryItemAndTheParserRejectsTheOddOnes()
    {
        // Arrange
        var json = "[" + Finding + ", 7, \"text\", null]";

        // Act
        using var document = AsffDocumentReader.Read(json);
        var errors = document.Findings.Select(f => AsffFindingParser.Parse(f).Error).ToList();

        // Assert
        Assert.Equal(4, errors.Count);
        Assert.StartsWith("missing required fields", errors[0]);
        Assert.Equal(
            ["a finding must be a JSON object, found a number", "a finding must be a JSON object, found a string", "a finding must be a JSON object, found null"],
            errors.Skip(1));
    }
}
