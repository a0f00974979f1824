using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Matching;

namespace Dashboard.Core.Tests.Iam;

public sealed class WildcardMatchingTests
{
    [Theory]
    [InlineData("s3:GetObject", "s3:GetObject", true)]
    [InlineData("s3:Get*", "s3:GetObjectAcl", true)]
    [InlineData("s3:*Object", "s3:PutObject", true)]
    [InlineData("s3:*Object", "s3:PutObjectAcl", false)]
    [InlineData("s3:Get?bject", "s3:GetObject", true)]
    [InlineData("s3:Get?bject", "s3:GetOObject", false)]
    [InlineData("*", "anything:AtAll", true)]
    [InlineData("iam:*AccessKey*", "iam:CreateAccessKey", true)]
    [InlineData("ec2:Describe*", "ec2:RunInstances", false)]
    public void Evaluate_ActionPatterns_MatchWithStarAndQuestionMark(string pattern, string action, bool allowed)
    {
        // Arrange
        var request = IamTestKit.Request(action, "*", IamTestKit.Policy(IamTestKit.Allow(pattern)));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(allowed, result.IsAllowed);
    }

    [Theory]
    [InlineData("S3:GETOBJECT", "s3:getobject")]
    [InlineData("s3:getobject", "S3:GetObject")]
    [InlineData("EC2:describe*", "ec2:DescribeInstances")]
    public void Evaluate_ActionMatching_IgnoresCase(string pattern, string action)
    {
        // Arrange
        var request = IamTestKit.Request(action, "*", IamTestKit.Policy(IamTestKit.Allow(pattern)));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.True(result.IsAllowed, result.Summary);
    }

    [Theory]
    [InlineData("s3:GetObject", true)]
    [InlineData("S3:GETOBJECT", true)]
    [InlineData("s3:PutObject", false)]
    [InlineData("ec2:DescribeInstances", true)]
    [InlineData("ec2:RunInstances", false)]
    [InlineData("sqs:ListQueues", true)]
    [InlineData("sns:ListTopics", true)]
    [InlineData("kms:Decrypt", false)]
    [InlineData("cloudwatch:GetMetricData", true)]
    public void Evaluate_LongActionList_IsIndexedWithoutChangingTheResult(string action, bool allowed)
    {
        // Arrange: more than eight patterns (exact, per-service wildcards, wildcards in the service name).
        var actions = "[\"s3:GetObject\", \"s3:ListBucket\", \"ec2:Describe*\", \"iam:Get*\", \"iam:List*\", \"s?s:List*\", \"lambda:GetFunction\", \"logs:Get*\", \"cloud*:Get*\", \"dynamodb:Query\"]";
        var request = IamTestKit.Request(action, "*", IamTestKit.Policy(IamTestKit.Allow(actions)));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(allowed, result.IsAllowed);
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c.txt", true)]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::Bucket/a.txt", false)]
    [InlineData("arn:aws:s3:::bucket/Report?.csv", "arn:aws:s3:::bucket/Report1.csv", true)]
    [InlineData("arn:aws:s3:::bucket/Report?.csv", "arn:aws:s3:::bucket/report1.csv", false)]
    [InlineData("arn:aws:iam::*:role/admin", "arn:aws:iam::111122223333:role/admin", true)]
    [InlineData("arn:aws:iam::111122223333:user/Bob", "arn:aws:iam::111122223333:user/bob", false)]
    [InlineData("*", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1", true)]
    public void Evaluate_ResourcePatterns_MatchCaseSensitively(string pattern, string resource, bool allowed)
    {
        // Arrange
        var request = IamTestKit.Request("s3:GetObject", resource, IamTestKit.Policy(IamTestKit.Allow("s3:GetObject", pattern)));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(allowed, result.IsAllowed);
    }

    [Theory]
    [InlineData("arn:aws:logs:*:*:log-group:app:*", "arn:aws:logs:eu-west-1:111122223333:log-group:app:log-stream:x", true)]
    [InlineData("arn:aws:s3:*", "arn:aws:s3:::bucket/key", true)]
    [InlineData("arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:us-east-1:111122223333:instance/i-123", true)]
    [InlineData("arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:us-east-1:111122223333:volume/vol-1", false)]
    [InlineData("arn:aws:*bucket", "arn:aws:s3:::bucket", false)]
    [InlineData("arn:aws:s3:::bucket", "*", false)]
    [InlineData("arn:aws:iam::*:root", "arn:aws:iam::111122223333:root", true)]
    public void ArnPattern_WildcardsStayWithinSegmentsExceptATrailingStar(string pattern, string value, bool expected)
    {
        // Act
        var matches = ArnPattern.Compile(pattern).IsMatch(value);

        // Assert
        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("*", "", true)]
    [InlineData("?", "", false)]
    [InlineData("**x", "abx", true)]
    [InlineData("a?c*", "abcdef", true)]
    public void WildcardPattern_GlobSemantics(string pattern, string input, bool expected)
    {
        // Act
        var matches = WildcardPattern.Compile(pattern).IsMatch(input);

        // Assert
        Assert.Equal(expected, matches);
    }

    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.77", true)]
    [InlineData("203.0.113.0/24", "203.0.114.1", false)]
    [InlineData("203.0.113.7/24", "203.0.113.200", true)]
    [InlineData("198.51.100.7", "198.51.100.7", true)]
    [InlineData("198.51.100.7", "198.51.100.8", false)]
    [InlineData("10.0.0.0/9", "10.127.255.255", true)]
    [InlineData("10.0.0.0/9", "10.128.0.0", false)]
    [InlineData("2001:db8::/32", "2001:db8:1234::1", true)]
    [InlineData("2001:db8::/32", "2001:db9::1", false)]
    [InlineData("203.0.113.0/24", "::ffff:203.0.113.9", true)]
    [InlineData("2001:db8::/32", "203.0.113.9", false)]
    [InlineData("0.0.0.0/0", "192.0.2.1", true)]
    public void IpRange_ContainsAddressesInTheBlock(string cidr, string address, bool expected)
    {
        // Arrange
        Assert.True(IpRange.TryParse(cidr, out var range));
        Assert.True(IpRange.TryParseAddress(address, out var ip));

        // Act
        var contains = range!.Contains(ip);

        // Assert
        Assert.Equal(expected, contains);
    }
}
