namespace Dashboard.Aws.Iam;

/// <summary>GetAccountAuthorizationDetails' Filter values (EntityType in the model; the names are sent as is).</summary>
public enum IamEntityType
{
    User,
    Role,
    Group,
    LocalManagedPolicy,
    AWSManagedPolicy,
}
