using System.Text;
using Dashboard.Aws.SecurityHub;

namespace Dashboard.Aws.Tests.Client;

public sealed class BatchUpdateFindingsResultTests
{
    [Fact]
    public void Parse_ProcessedAndUnprocessed_ReadsBothLists()
    {
        // Arrange: the response example of the Security Hub API reference.
        var body = """
            {"ProcessedFindings":[{"Id":"f1","ProductArn":"arn:p"}],
             "UnprocessedFindings":[{"FindingIdentifier":{"Id":"f2","ProductArn":"arn:p"},"ErrorCode":"FindingNotFound","ErrorMessage":"Finding Not Found"}]}
            """;

        // Act
        var result = BatchUpdateFindingsResult.Parse(Encoding.UTF8.GetBytes(body), retries: 2);

        // Assert
        Assert.Equal(new FindingIdentifier("f1", "arn:p"), Assert.Single(result.Processed));
        Assert.Equal(new UnprocessedFinding(new FindingIdentifier("f2", "arn:p"), "FindingNotFound", "Finding Not Found"), Assert.Single(result.Unprocessed));
        Assert.Equal(2, result.Retries);
    }

    [Fact]
    public void Parse_ListsMissing_ReadsAsEmpty()
    {
        // Act
        var result = BatchUpdateFindingsResult.Parse("{}"u8.ToArray(), 0);

        // Assert
        Assert.Empty(result.Processed);
        Assert.Empty(result.Unprocessed);
    }

    [Theory]
    [InlineData("{\"ProcessedFindings\":[", "not valid JSON")]
    [InlineData("[]", "not an object")]
    [InlineData("{\"ProcessedFindings\":{}}", "ProcessedFindings is a JSON object, not an array")]
    [InlineData("{\"ProcessedFindings\":[{\"Id\":\"f1\"}]}", "lacks its Id or ProductArn")]
    [InlineData("{\"UnprocessedFindings\":[{\"ErrorCode\":\"X\"}]}", "has no FindingIdentifier")]
    [InlineData("{\"UnprocessedFindings\":[\"f1\"]}", "is a JSON string, not an object")]
    public void Parse_MalformedBody_ThrowsAwsResponseFormatException(string body, string expected)
    {
        // Act
        var error = Assert.Throws<AwsResponseFormatException>(() => BatchUpdateFindingsResult.Parse(Encoding.UTF8.GetBytes(body), 0));

        // Assert
        Assert.Contains(expected, error.Message);
        Assert.Equal("BatchUpdateFindings", error.Operation);
    }

    [Fact]
    public void Append_TwoResults_ConcatenatesListsAndAddsRetries()
    {
        // Arrange
        var first = new BatchUpdateFindingsResult([new("f1", "p")], [], 1);
        var second = new BatchUpdateFindingsResult([new("f2", "p")], [new(new("f3", "p"), "FindingNotFound", "m")], 2);

        // Act
        var both = first.Append(second);

        // Assert
        Assert.Equal(["f1", "f2"], both.Processed.Select(f => f.Id));
        Assert.Equal("f3", Assert.Single(both.Unprocessed).Finding.Id);
        Assert.Equal(3, both.Retries);
    }
}
