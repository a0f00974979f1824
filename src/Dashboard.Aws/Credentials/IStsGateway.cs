namespace Dashboard.Aws.Credentials;

/// <summary>The two STS calls the dashboard makes, with the ambient credentials.</summary>
public interface IStsGateway
{
    Task<SessionCredentials> AssumeRoleAsync(string roleArn, string roleSessionName, string? externalId, CancellationToken cancellationToken);

    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken);
}
