namespace Dashboard.Aws.Tests.Client;

/// <summary>STS Query responses in the shape the STS API reference documents.</summary>
internal static class StsXml
{
    public static string GetCallerIdentity(string account, string arn) => $"""
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult>
            <Arn>{arn}</Arn>
            <UserId>AIDACALLEREXAMPLE</UserId>
            <Account>{account}</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """;

    public static string AssumeRole(string accessKeyId, string secret, string token, DateTimeOffset expiration, string roleArn) => $"""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <Credentials>
              <AccessKeyId>{accessKeyId}</AccessKeyId>
              <SecretAccessKey>{secret}</SecretAccessKey>
              <SessionToken>{token}</SessionToken>
              <Expiration>{expiration.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</Expiration>
            </Credentials>
            <AssumedRoleUser>
              <Arn>{roleArn.Replace(":iam::", ":sts::").Replace(":role/", ":assumed-role/")}/security-dashboard</Arn>
              <AssumedRoleId>AROAEXAMPLE:security-dashboard</AssumedRoleId>
            </AssumedRoleUser>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """;
}
