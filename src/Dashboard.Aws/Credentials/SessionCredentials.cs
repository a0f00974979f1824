using Amazon.Runtime;

namespace Dashboard.Aws.Credentials;

/// <summary>Temporary credentials from AssumeRole. <see cref="ToString"/> never shows the secret or the token.</summary>
public sealed class SessionCredentials(string accessKeyId, string secretAccessKey, string sessionToken, DateTimeOffset expiration)
{
    public string AccessKeyId { get; } = accessKeyId;
    public string SecretAccessKey { get; } = secretAccessKey;
    public string SessionToken { get; } = sessionToken;
    public DateTimeOffset Expiration { get; } = expiration;

    public ImmutableCredentials ToImmutable() => new(AccessKeyId, SecretAccessKey, SessionToken);

    public override string ToString() => $"SessionCredentials({AccessKeyId}, expires {Expiration:O})";
}

/// <summary>Who the ambient credentials are (STS GetCallerIdentity).</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);
