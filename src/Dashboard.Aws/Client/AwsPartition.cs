namespace Dashboard.Aws.Client;

/// <summary>The partition of a Region, for ARNs and DNS suffixes (China and GovCloud differ from aws).</summary>
public static class AwsPartition
{
    public static string For(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    public static string DnsSuffix(string region) =>
        For(region) == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}
