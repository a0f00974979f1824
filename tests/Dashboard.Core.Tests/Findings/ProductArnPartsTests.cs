using Dashboard.Core.Findings;

namespace Dashboard.Core.Tests.Findings;

public sealed class ProductArnPartsTests
{
    [Theory]
    [InlineData("arn:aws:securityhub:us-east-1::product/aws/securityhub", "us-east-1", "aws", "securityhub")]
    [InlineData("arn:aws::securityhub:us-east-1::product/aws/guardduty", "us-east-1", "aws", "guardduty")]
    [InlineData("arn:aws:securityhub:us-east-2:123456789012:product/123456789012/default", "us-east-2", "123456789012", "default")]
    [InlineData("arn:aws-us-gov:securityhub:us-gov-west-1::product/prowler/prowler", "us-gov-west-1", "prowler", "prowler")]
    [InlineData("arn:aws:securityhub:::product/acme/scanner", null, "acme", "scanner")]
    [InlineData("not an arn", null, null, null)]
    [InlineData("", null, null, null)]
    [InlineData(null, null, null, null)]
    public void Parse_AnyText_ReadsWhatItCan(string? arn, string? region, string? company, string? product)
    {
        // Act
        var parts = ProductArnParts.Parse(arn);

        // Assert
        Assert.Equal(new ProductArnParts(region, company, product), parts);
    }
}
