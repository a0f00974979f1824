namespace Dashboard.Core.Iam.Risks.Capabilities;

/// <summary>The action lists of cloudsplaining's categories, checked by evaluation against unrestricted resources.</summary>
public static class SensitiveActions
{
    /// <summary>
    /// Read actions that leak data when allowed on every resource: cloudsplaining's
    /// READ_ONLY_DATA_EXFILTRATION_ACTIONS (the first five), plus the ones its risk text names
    /// (kms:Decrypt reads any encrypted blob; RDS snapshots copy a database).
    /// </summary>
    public static IReadOnlyList<string> DataExfiltration { get; } =
    [
        "s3:GetObject",
        "ssm:GetParameter",
        "ssm:GetParameters",
        "ssm:GetParametersByPath",
        "secretsmanager:GetSecretValue",
        "kms:Decrypt",
        "rds:CopyDBSnapshot",
        "rds:CreateDBSnapshot",
    ];

    /// <summary>The five cloudsplaining itself checks (for comparisons with its results).</summary>
    public static IReadOnlyList<string> CloudsplainingDataExfiltration { get; } = [.. DataExfiltration.Take(5)];

    /// <summary>
    /// Actions whose response carries credentials: cloudsplaining's ACTIONS_THAT_RETURN_CREDENTIALS
    /// (from kmcquade's list), in AWS's spelling; its "gamelist:" entries are GameLift's.
    /// </summary>
    public static IReadOnlyList<string> CredentialsExposure { get; } =
    [
        "airflow:CreateCliToken",
        "airflow:CreateWebLoginToken",
        "appsync:CreateApiKey",
        "chime:CreateApiKey",
        "cloud9:CreateEnvironmentToken",
        "codeartifact:GetAuthorizationToken",
        "codepipeline:PollForJobs",
        "cognito-identity:GetOpenIdToken",
        "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
        "cognito-identity:GetCredentialsForIdentity",
        "cognito-idp:GetSigningCertificate",
        "connect:GetFederationToken",
        "connect:GetFederationTokens",
        "ec2:GetPasswordData",
        "ecr:GetAuthorizationToken",
        "ecr-public:GetAuthorizationToken",
        "emr-containers:GetManagedEndpointSessionCredentials",
        "finspace-api:GetProgrammaticAccessCredentials",
        "gamelift:RequestUploadCredentials",
        "gamelift:GetInstanceAccess",
        "gamelift:GetComputeAccess",
        "gamelift:GetComputeAuthToken",
        "grafana:CreateWorkspaceApiKey",
        "iam:CreateAccessKey",
        "iam:CreateLoginProfile",
        "iam:CreateServiceSpecificCredential",
        "iam:ResetServiceSpecificCredential",
        "iam:UpdateAccessKey",
        "license-manager:GetAccessToken",
        "lightsail:GetInstanceAccessDetails",
        "lightsail:DownloadDefaultKeyPair",
        "lightsail:CreateBucketAccessKey",
        "lightsail:GetRelationalDatabaseMasterUserPassword",
        "mediapackage:RotateChannelCredentials",
        "mediapackage:RotateIngestEndpointCredentials",
        "rds-db:connect",
        "redshift:GetClusterCredentials",
        "redshift:GetClusterCredentialsWithIAM",
        "redshift-serverless:GetCredentials",
        "sso:GetRoleCredentials",
        "sts:AssumeRole",
        "sts:AssumeRoleWithSAML",
        "sts:AssumeRoleWithWebIdentity",
        "sts:GetFederationToken",
        "sts:GetSessionToken",
    ];

    /// <summary>Services whose roles run code reachable from outside: cloudsplaining's SERVICE_PREFIXES_WITH_COMPUTE_ROLES.</summary>
    public static IReadOnlyList<string> ComputeServicePrincipals { get; } =
    [
        "ec2.amazonaws.com",
        "lambda.amazonaws.com",
        "ecs-tasks.amazonaws.com",
        "eks.amazonaws.com",
    ];
}
