namespace Dashboard.Aws.Client;

/// <summary>
/// What the generic client needs to know about one AWS service: its signing name, protocol and endpoint
/// shape. Values come from the botocore service models (metadata block).
/// </summary>
public sealed record AwsServiceDefinition(
    string ServiceId,
    string SigningName,
    string EndpointPrefix,
    string ApiVersion,
    AwsProtocol Protocol,
    string? TargetPrefix = null,
    string? GlobalHost = null,
    string? GlobalSigningRegion = null)
{
    public static readonly AwsServiceDefinition SecurityHub =
        new("SecurityHub", "securityhub", "securityhub", "2018-10-26", AwsProtocol.RestJson);

    /// <summary>IAM is global in the aws partition: iam.amazonaws.com, signed for us-east-1.</summary>
    public static readonly AwsServiceDefinition Iam =
        new("IAM", "iam", "iam", "2010-05-08", AwsProtocol.Query, GlobalHost: "iam.amazonaws.com", GlobalSigningRegion: "us-east-1");

    /// <summary>Organizations is served from us-east-1 only in the aws partition.</summary>
    public static readonly AwsServiceDefinition Organizations =
        new("Organizations", "organizations", "organizations", "2016-11-28", AwsProtocol.Json11,
            TargetPrefix: "AWSOrganizationsV20161128", GlobalHost: "organizations.us-east-1.amazonaws.com", GlobalSigningRegion: "us-east-1");

    private bool IsGlobalIn(string region) => GlobalHost is not null && AwsPartition.For(region) == "aws";

    /// <summary>The Region named in the SigV4 credential scope for a client of <paramref name="region"/>.</summary>
    public string SigningRegionFor(string region) => IsGlobalIn(region) ? GlobalSigningRegion ?? region : region;

    /// <summary>
    /// The public endpoint for <paramref name="region"/>. Global services outside the aws partition fall back
    /// to the regional host shape, which is what China and GovCloud use for them.
    /// </summary>
    public string DefaultEndpoint(string region) =>
        IsGlobalIn(region) ? $"https://{GlobalHost}" : $"https://{EndpointPrefix}.{region}.{AwsPartition.DnsSuffix(region)}";
}
